#!/usr/bin/python3
"""Reference results for the Kit's ensembles, from Debian's scikit-learn 1.2.1 (python3-sklearn).

Run:  /usr/bin/python3 tests/Kit.Tests/Fixtures/Ensembles/make_fixtures.py
Writes trees.json (tiny trees, node by node) and accuracy.json (test accuracy of each model on fixed splits of
make_moons(1000, noise=0.3, random_state=0) and of the breast cancer data, with the data itself, so the C# side
fits on exactly the same rows). Every model reports its mean test accuracy over seeds 0-4 (single trees 0-19): even an unrandomised tree
breaks ties between equally good features at random (breast cancer's radius, perimeter and area often tie).
"""
import json, os
import numpy as np
import sklearn
from sklearn.datasets import make_moons, load_breast_cancer
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.ensemble import RandomForestClassifier, BaggingClassifier, AdaBoostClassifier, GradientBoostingClassifier, GradientBoostingRegressor

here = os.path.dirname(os.path.abspath(__file__))

def tree_case(name, model, X, y, **extra):
    model.fit(X, y)
    t = model.tree_
    value = t.value[:, 0, :]
    if value.shape[1] > 1:
        value = value / value.sum(axis=1, keepdims=True)
    return dict(name=name, X=np.asarray(X).tolist(), y=np.asarray(y).tolist(), **extra,
                feature=[int(f) if f >= 0 else -1 for f in t.feature], threshold=[float(v) for v in t.threshold],
                left=t.children_left.tolist(), right=t.children_right.tolist(), impurity=t.impurity.tolist(),
                samples=t.n_node_samples.tolist(), value=value.tolist())

X1 = [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]
y1 = [0, 0, 1, 1, 1, 0]
X2 = [[0.5, 3.0], [1.5, 1.0], [2.0, 2.5], [3.5, 0.5], [4.0, 3.5], [5.5, 2.0], [6.0, 1.5], [7.5, 3.0]]
y2 = [0, 0, 1, 1, 0, 1, 1, 0]
yr = [1.0, 1.5, 3.0, 3.2, 2.9, 0.5]
rs = np.random.RandomState(1)
X3, y3 = rs.rand(16, 2).round(3), rs.randint(0, 2, 16)   # no two candidate splits tie
trees = [
    tree_case("gini one feature", DecisionTreeClassifier(random_state=0), X1, y1, criterion="gini", max_depth=None, min_samples_leaf=1, min_impurity_decrease=0.0),
    tree_case("entropy two features", DecisionTreeClassifier(criterion="entropy", random_state=0), X2, y2, criterion="entropy", max_depth=None, min_samples_leaf=1, min_impurity_decrease=0.0),
    tree_case("gini depth 2 min leaf 2", DecisionTreeClassifier(max_depth=2, min_samples_leaf=2, random_state=0), X3, y3, criterion="gini", max_depth=2, min_samples_leaf=2, min_impurity_decrease=0.0),
    tree_case("gini min impurity decrease", DecisionTreeClassifier(min_impurity_decrease=0.06, random_state=0), X2, y2, criterion="gini", max_depth=None, min_samples_leaf=1, min_impurity_decrease=0.06),
    tree_case("squared error regression", DecisionTreeRegressor(random_state=0), X1, yr, criterion="squared_error", max_depth=None, min_samples_leaf=1, min_impurity_decrease=0.0),
]
for s in range(1, 5):   # the same tree whatever order the features are tried in
    assert (DecisionTreeClassifier(max_depth=2, min_samples_leaf=2, random_state=s).fit(X3, y3).tree_.threshold == trees[2]["threshold"]).all()
with open(os.path.join(here, "trees.json"), "w") as f:
    json.dump({"source": f"scikit-learn {sklearn.__version__}", "cases": trees}, f, indent=1)

Xm, ym = make_moons(n_samples=1000, noise=0.3, random_state=0)
bc = load_breast_cancer()
perm = np.random.RandomState(0).permutation(len(bc.target))
Xb, yb = bc.data[perm], bc.target[perm]
seeds = range(20)

def models():
    yield "tree", 20, lambda s: DecisionTreeClassifier(random_state=s)
    yield "tree depth 4", 20, lambda s: DecisionTreeClassifier(max_depth=4, random_state=s)
    yield "bagging 50", 5, lambda s: BaggingClassifier(DecisionTreeClassifier(), n_estimators=50, random_state=s)
    yield "random forest 100", 5, lambda s: RandomForestClassifier(n_estimators=100, random_state=s)
    yield "adaboost samme 100", 5, lambda s: AdaBoostClassifier(n_estimators=100, algorithm="SAMME", random_state=s)
    yield "gradient boosting 100", 5, lambda s: GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=s)

cases = []
for data_name, X, y, cut in [("moons", Xm, ym, 700), ("breast cancer", Xb, yb, 400)]:
    X32 = X.astype(np.float32).astype(np.float64)   # the Kit stores features as float32, like scikit-learn's trees
    for model_name, n_seeds, make in models():
        accs = [make(s).fit(X32[:cut], y[:cut]).score(X32[cut:], y[cut:]) for s in seeds[:n_seeds]]
        cases.append(dict(name=f"{data_name}: {model_name}", data=data_name, model=model_name, seeds=n_seeds, accuracy=float(np.mean(accs))))
Xm32 = Xm.astype(np.float32).astype(np.float64)
target = Xm32[:, 0] * ym + Xm32[:, 1] ** 2
gbr = GradientBoostingRegressor(n_estimators=50, max_depth=2, learning_rate=0.1, random_state=0).fit(Xm32[:700], target[:700])
reg = dict(target=target.tolist(), prediction=gbr.predict(Xm32[700:]).tolist())
with open(os.path.join(here, "accuracy.json"), "w") as f:
    json.dump({"source": f"scikit-learn {sklearn.__version__}",
               "moons": {"X": Xm.tolist(), "y": ym.tolist(), "cut": 700},
               "breast_cancer": {"order": perm.tolist(), "cut": 400, "label_counts": np.bincount(bc.target).tolist(),
                                 "feature_names": [n.replace(" ", "_") for n in bc.feature_names], "first_row": bc.data[0].tolist(),
                                 "column_means": bc.data.mean(axis=0).tolist()},
               "regression": reg, "cases": cases}, f)
for c in cases: print(f"{c['name']:40s} {c['accuracy']:.4f}")
