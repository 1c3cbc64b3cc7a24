#!/usr/bin/python3
"""Reference values for the Kit's metrics, from scikit-learn 1.2 (Debian's python3-sklearn).

Run from this folder with /usr/bin/python3 make_fixtures.py; it rewrites the JSON files next to it.
Every case is seeded, so the output is the same on every run. The C# tests (MetricsFixtureTests) read
these files and compare the Kit's results to 1e-9. undefined.json records, for inputs scikit-learn refuses or
warns about, its error or its value and warnings (MetricsWarningTests checks the Kit does the same).
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

warnings.simplefilter("ignore")  # zero-division and one-class warnings are part of the edge cases
assert sklearn.__version__.startswith("1.2"), sklearn.__version__


def L(a):
    return np.asarray(a).tolist()


def binary_case(name, y, s, threshold=0.5):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s >= threshold).astype(int)
    case = {"name": name, "yTrue": L(y), "yScore": L(s), "threshold": threshold, "yPred": L(pred)}
    case["confusion"] = L(metrics.confusion_matrix(y, pred, labels=[0, 1]))
    case["accuracy"] = metrics.accuracy_score(y, pred)
    case["precision"] = metrics.precision_score(y, pred, zero_division=0)
    case["recall"] = metrics.recall_score(y, pred, zero_division=0)
    case["specificity"] = metrics.recall_score(y, pred, pos_label=0, zero_division=0)
    case["f1"] = metrics.f1_score(y, pred, zero_division=0)
    case["f05"] = metrics.fbeta_score(y, pred, beta=0.5, zero_division=0)
    case["f2"] = metrics.fbeta_score(y, pred, beta=2, zero_division=0)
    case["mcc"] = metrics.matthews_corrcoef(y, pred)
    if 0 <= s.min() and s.max() <= 1:
        case["logLoss"] = metrics.log_loss(y, s, labels=[0, 1])
    if len(np.unique(y)) == 2:
        fpr, tpr, thr = metrics.roc_curve(y, s)
        case["roc"] = {"fpr": L(fpr), "tpr": L(tpr), "thresholds": L(thr)}
        case["rocFull"] = dict(zip(["fpr", "tpr", "thresholds"], map(L, metrics.roc_curve(y, s, drop_intermediate=False))))
        case["auc"] = metrics.roc_auc_score(y, s)
    p, r, t = metrics.precision_recall_curve(y, s)
    case["pr"] = {"precision": L(p), "recall": L(r), "thresholds": L(t)}
    case["averagePrecision"] = metrics.average_precision_score(y, s)
    return case


def multiclass_case(name, y, pred, proba=None):
    y, pred = np.asarray(y, dtype=int), np.asarray(pred, dtype=int)
    case = {"name": name, "yTrue": L(y), "yPred": L(pred)}
    case["labels"] = L(np.unique(np.r_[y, pred]))
    case["confusion"] = L(metrics.confusion_matrix(y, pred))
    case["accuracy"] = metrics.accuracy_score(y, pred)
    case["mcc"] = metrics.matthews_corrcoef(y, pred)
    for avg in ["macro", "micro", "weighted"]:
        case[avg] = {
            "precision": metrics.precision_score(y, pred, average=avg, zero_division=0),
            "recall": metrics.recall_score(y, pred, average=avg, zero_division=0),
            "f1": metrics.f1_score(y, pred, average=avg, zero_division=0),
            "f05": metrics.fbeta_score(y, pred, beta=0.5, average=avg, zero_division=0),
        }
    p, r, f, sup = metrics.precision_recall_fscore_support(y, pred, zero_division=0)
    case["report"] = {"precision": L(p), "recall": L(r), "f1": L(f), "support": L(sup)}
    if proba is not None:
        case["yProb"] = L(proba)
        case["logLoss"] = metrics.log_loss(y, proba, labels=list(range(proba.shape[1])))
        if proba.shape[1] >= 3:
            case["rocAucOvrMacro"] = metrics.roc_auc_score(y, proba, multi_class="ovr", average="macro")
            case["rocAucOvrWeighted"] = metrics.roc_auc_score(y, proba, multi_class="ovr", average="weighted")
    return case


rng = np.random.RandomState(0)
binary = []
for seed, n, pos in [(1, 40, 0.5), (2, 1000, 0.3), (3, 1000, 0.05)]:
    r = np.random.RandomState(seed)
    y = (r.rand(n) < pos).astype(int)
    s = 1 / (1 + np.exp(-(1.5 * y - 0.75 + r.randn(n))))           # informative, no ties
    binary.append(binary_case(f"random n={n} positives≈{pos}", y, s))
    binary.append(binary_case(f"random n={n} positives≈{pos}, scores rounded (ties)", y, np.round(s, 1), threshold=0.6))
r = np.random.RandomState(4)
y = (r.rand(300) < 0.4).astype(int)
binary.append(binary_case("unbounded decision scores", y, 3 * y + 2 * r.randn(300) - 1.5, threshold=0.0))
binary.append(binary_case("perfect separation", [0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]))
binary.append(binary_case("perfectly inverted", [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]))
binary.append(binary_case("all scores tied", [0, 1, 0, 1, 1], [0.5] * 5))
binary.append(binary_case("confident and wrong: log loss clipping", [1, 0, 1, 0], [0.0, 1.0, 1.0, 0.0]))
binary.append(binary_case("zero division: nothing predicted positive", [0, 1, 0, 1, 0], [0.1, 0.2, 0.3, 0.4, 0.05]))
binary.append(binary_case("zero division: no positive in y_true", [0, 0, 0, 0], [0.1, 0.7, 0.3, 0.9]))
binary.append(binary_case("no negative in y_true", [1, 1, 1], [0.2, 0.6, 0.9]))

multiclass = []
for seed, n, labels in [(5, 60, [0, 1, 2]), (6, 500, [0, 1, 2, 3]), (7, 200, [1, 3, 7, 9])]:
    r = np.random.RandomState(seed)
    y = r.choice(labels, size=n, p=np.linspace(1, 2, len(labels)) / np.linspace(1, 2, len(labels)).sum())
    pred = np.where(r.rand(n) < 0.6, y, r.choice(labels, size=n))
    proba = None
    if labels == list(range(len(labels))):
        logits = r.randn(n, len(labels)) + 2.0 * np.eye(len(labels))[y]
        proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    multiclass.append(multiclass_case(f"random n={n} classes {labels}", y, pred, proba))
multiclass.append(multiclass_case("a class never predicted (zero division)", [0, 1, 2, 2, 1, 0, 2], [0, 0, 2, 2, 0, 0, 2]))
multiclass.append(multiclass_case("a predicted class absent from y_true", [0, 0, 1, 1], [0, 2, 1, 2]))

regression = []
for seed, n in [(8, 30), (9, 500)]:
    r = np.random.RandomState(seed)
    y = r.randn(n) * 3 + 10
    yhat = y + r.randn(n)
    regression.append({"name": f"random n={n}", "y": L(y), "yHat": L(yhat)})
    yo = yhat.copy(); yo[0] += 40
    regression.append({"name": f"random n={n} with one outlier", "y": L(y), "yHat": L(yo)})
regression.append({"name": "constant truth, imperfect fit", "y": [2.0, 2.0, 2.0], "yHat": [1.0, 2.0, 3.0]})
regression.append({"name": "constant truth, perfect fit", "y": [2.0, 2.0, 2.0], "yHat": [2.0, 2.0, 2.0]})


def huber(y, yhat, delta):
    a = np.abs(np.asarray(y) - np.asarray(yhat))
    return float(np.mean(np.where(a <= delta, 0.5 * a * a, delta * (a - 0.5 * delta))))


for c in regression:
    y, yhat = np.array(c["y"]), np.array(c["yHat"])
    c["mse"] = metrics.mean_squared_error(y, yhat)
    c["rmse"] = metrics.mean_squared_error(y, yhat, squared=False)
    c["mae"] = metrics.mean_absolute_error(y, yhat)
    c["r2"] = metrics.r2_score(y, yhat)
    c["huber1"] = huber(y, yhat, 1.0)
    c["huber2"] = huber(y, yhat, 2.0)

clustering = []
for seed, n, k, d, std in [(10, 150, 3, 2, 1.0), (11, 400, 5, 3, 2.0), (12, 60, 2, 4, 3.0)]:
    X, y = make_blobs(n_samples=n, centers=k, n_features=d, cluster_std=std, random_state=seed)
    r = np.random.RandomState(seed)
    cases = {"true labels": y, "random labels": r.randint(0, k, n), "labels 10x with a singleton": np.r_[[99], 10 * y[1:]]}
    for lname, lab in cases.items():
        clustering.append({
            "name": f"blobs n={n} k={k} d={d}: {lname}", "x": L(X), "labels": L(lab),
            "silhouette": metrics.silhouette_score(X, lab), "silhouetteSamples": L(metrics.silhouette_samples(X, lab)),
            "daviesBouldin": metrics.davies_bouldin_score(X, lab),
        })

def davies_bouldin_exact(X, labels):
    """davies_bouldin_score's formula with exact distances (sqrt of summed squared differences).

    scikit-learn measures distances as sqrt(|x|² − 2x·c + |c|²), which leaves rounding noise of about
    1e-7 on a distance that is exactly 0 (a singleton cluster's point to its own centroid). The Kit
    computes exact distances, so for that case the test compares against this function (and against
    scikit-learn only to 1e-6)."""
    classes = np.unique(labels)
    cents = np.array([X[labels == c].mean(axis=0) for c in classes])
    intra = np.array([np.mean(np.sqrt(((X[labels == c] - cents[i]) ** 2).sum(axis=1))) for i, c in enumerate(classes)])
    between = np.sqrt(((cents[:, None, :] - cents[None, :, :]) ** 2).sum(axis=2))
    if np.allclose(intra, 0) or np.allclose(between, 0):
        return 0.0
    between[between == 0] = np.inf
    return float(np.mean(np.max((intra[:, None] + intra) / between, axis=1)))


for c in clustering:
    X, lab = np.array(c["x"]), np.array(c["labels"])
    c["daviesBouldinExact"] = davies_bouldin_exact(X, lab)

kmeans = []
for seed, n, k, d, std in [(13, 300, 4, 2, 1.0), (14, 500, 6, 2, 2.5), (15, 200, 3, 5, 1.5)]:
    X, _ = make_blobs(n_samples=n, centers=k, n_features=d, cluster_std=std, random_state=seed)
    for kk in [k - 1, k, k + 2]:
        km = KMeans(n_clusters=kk, n_init=10, random_state=0).fit(X)
        kmeans.append({"name": f"blobs n={n} centers={k} d={d}, k={kk}", "x": L(X), "k": kk, "inertia": km.inertia_})



def outcome(name, metric, call, **inputs):
    """What scikit-learn does with inputs it refuses or warns about: its value or its error, and its warnings."""
    case = {"name": name, "metric": metric, **{k: L(v) for k, v in inputs.items()}}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            v = float(call())
            case["value"] = "NaN" if np.isnan(v) else v
        except ValueError as e:
            case["error"] = str(e)
    case["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    return case


P = np.array([[.6, .2, .2], [.2, .6, .2], [.2, .2, .6], [.5, .3, .2], [.3, .4, .3], [.1, .1, .8]])
yP = [0, 1, 2, 0, 1, 2]
ovr = lambda p: (lambda: metrics.roc_auc_score(yP, p, multi_class="ovr"))
undefined = [
    outcome("one-vs-rest AUC, rows sum to 1", "rocAucOvr", ovr(P), yTrue=yP, yProb=P),
    outcome("one-vs-rest AUC, rows sum to 1.1", "rocAucOvr", ovr(P * 1.1), yTrue=yP, yProb=P * 1.1),
    outcome("one-vs-rest AUC, one row sums to 0.9", "rocAucOvr", ovr(np.r_[P[:5], [[.1, .1, .7]]]), yTrue=yP, yProb=np.r_[P[:5], [[.1, .1, .7]]]),
    outcome("one-vs-rest AUC, rows off by 3e-9 (within numpy.allclose)", "rocAucOvr", ovr(P + 1e-9), yTrue=yP, yProb=P + 1e-9),
    outcome("R² of one sample", "r2", lambda: metrics.r2_score([3.0], [2.0]), y=[3.0], yHat=[2.0]),
    outcome("R² of one sample predicted exactly", "r2", lambda: metrics.r2_score([3.0], [3.0]), y=[3.0], yHat=[3.0]),
    outcome("R² of two samples", "r2", lambda: metrics.r2_score([3.0, 1.0], [2.0, 1.5]), y=[3.0, 1.0], yHat=[2.0, 1.5]),
    outcome("average precision, no positive", "averagePrecision", lambda: metrics.average_precision_score([0, 0, 0], [.1, .5, .9]), yTrue=[0, 0, 0], yScore=[.1, .5, .9]),
    outcome("average precision, every sample positive", "averagePrecision", lambda: metrics.average_precision_score([1, 1, 1], [.1, .5, .9]), yTrue=[1, 1, 1], yScore=[.1, .5, .9]),
    outcome("average precision, both classes", "averagePrecision", lambda: metrics.average_precision_score([0, 1, 1], [.1, .5, .9]), yTrue=[0, 1, 1], yScore=[.1, .5, .9]),
]

meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
for fname, data in [("binary", binary), ("multiclass", multiclass), ("regression", regression),
                    ("clustering", clustering), ("kmeans", kmeans), ("undefined", undefined)]:
    with open(f"{fname}.json", "w") as f:
        json.dump({"generator": "make_fixtures.py", **meta, "cases": data}, f)
    print(fname, len(data), "cases")
