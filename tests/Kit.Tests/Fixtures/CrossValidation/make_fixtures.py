"""Reference folds for Kit.CrossValidation, from scikit-learn 1.2 (unshuffled splitters only: a shuffled
split depends on numpy's random stream, which the Kit does not reproduce).

    /usr/bin/python3 tests/Kit.Tests/Fixtures/CrossValidation/make_fixtures.py

rewrites folds.json next to this script. Each case names the splitter and its arguments, the number of
samples, the labels (stratified cases), and either the folds (train and test row indices) or, where
scikit-learn refuses the arguments, its error message; and the warnings it gave, if any.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.model_selection import KFold, LeaveOneOut, StratifiedKFold, TimeSeriesSplit

cases = []


def add(name, splitter, kind, args, n, y=None):
    X = np.zeros((n, 1))
    case = {"name": name, "splitter": kind, "args": args, "n": n}
    if y is not None:
        case["y"] = [int(v) for v in y]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            folds = list(splitter.split(X, y))
            case["folds"] = [{"train": [int(i) for i in tr], "test": [int(i) for i in te]} for tr, te in folds]
        except ValueError as e:
            case["error"] = str(e)
    if caught:
        case["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    cases.append(case)


for n, k in [(10, 3), (7, 7), (23, 5), (12, 4), (5, 2)]:
    add(f"kfold n={n} k={k}", KFold(n_splits=k), "KFold", {"nSplits": k}, n)
add("kfold more splits than samples", KFold(n_splits=6), "KFold", {"nSplits": 6}, 5)

strat = {
    "12/8 sorted (uneven allocation)": [0] * 12 + [1] * 8,
    "12/8 interleaved": [0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1],
    "three classes, first appearance 2, 0, 1": [2, 0, 1, 1, 0, 2, 2, 2, 0, 1, 1, 2, 0, 0, 2, 1, 2, 2, 0, 1, 2, 2, 1],
    "imbalanced 27/3": [0] * 14 + [1] + [0] * 7 + [1] + [0] * 6 + [1],
    "a class smaller than k": [0] * 10 + [1, 1] + [0] * 3,
    "a class of one member": [0] * 6 + [1] + [0] * 3,
    "labels not starting at 0": [5, 9, 9, 5, 7, 7, 5, 9, 7, 5, 9, 7, 5],
}
for label, y in strat.items():
    for k in [2, 3, 5]:
        add(f"stratified {label} k={k}", StratifiedKFold(n_splits=k), "StratifiedKFold", {"nSplits": k}, len(y), np.array(y))
add("stratified every class smaller than k", StratifiedKFold(n_splits=4), "StratifiedKFold", {"nSplits": 4}, 6, np.array([0, 0, 0, 1, 1, 1]))

tss = [
    ({"nSplits": 3}, 12),
    ({"nSplits": 5}, 23),
    ({"nSplits": 3, "testSize": 2}, 12),
    ({"nSplits": 3, "gap": 2}, 12),
    ({"nSplits": 4, "testSize": 3, "gap": 1}, 20),
    ({"nSplits": 3, "maxTrainSize": 3}, 12),
    ({"nSplits": 4, "maxTrainSize": 5, "testSize": 2, "gap": 1}, 20),
    ({"nSplits": 2}, 3),
    ({"nSplits": 3, "testSize": 3, "gap": 1}, 10),
    ({"nSplits": 3}, 3),
]
for args, n in tss:
    s = TimeSeriesSplit(n_splits=args["nSplits"], max_train_size=args.get("maxTrainSize"), test_size=args.get("testSize"), gap=args.get("gap", 0))
    add(f"timeseries n={n} {args}", s, "TimeSeriesSplit", args, n)

for n in [2, 4, 6]:
    add(f"loo n={n}", LeaveOneOut(), "LeaveOneOut", {}, n)

out = {"generator": "tests/Kit.Tests/Fixtures/CrossValidation/make_fixtures.py", "sklearn": sklearn.__version__, "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "folds.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(f"{len(cases)} cases ({sum('error' in c for c in cases)} refused) -> {path}")
