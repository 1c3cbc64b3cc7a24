#!/usr/bin/python3
"""scikit-learn's and XGBoost's side of `Kit.Benchmarks ensembles`: the same models on the same rows.

Reads the CSV files EnsemblesBenchmark.cs writes (x1..xn,label; one train and one test file per data set), fits
each model `rounds` times after one warm-up fit, and prints one JSON line: median fit seconds and test accuracy
per data set and model, with the library versions and thread counts. Everything runs on one thread.
Alone:  OMP_NUM_THREADS=1 /usr/bin/python3 ensembles_peer.py --data moons=train.csv,test.csv --rounds 3
"""
import argparse, json, os, time
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import sklearn, xgboost
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier, AdaBoostClassifier

ap = argparse.ArgumentParser()
ap.add_argument("--data", action="append", required=True, help="name=train.csv,test.csv")
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--estimators", type=int, default=100)
a = ap.parse_args()

def load(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    return d[:, :-1].astype(np.float32), d[:, -1].astype(np.int64)

n = a.estimators
models = {
    "random_forest": lambda: RandomForestClassifier(n_estimators=n, n_jobs=1, random_state=0),
    "gradient_boosting": lambda: GradientBoostingClassifier(n_estimators=n, max_depth=3, learning_rate=0.1, random_state=0),
    "adaboost": lambda: AdaBoostClassifier(n_estimators=n, algorithm="SAMME", random_state=0),
    "xgboost_hist": lambda: xgboost.XGBClassifier(n_estimators=n, max_depth=3, learning_rate=0.1, tree_method="hist", n_jobs=1, random_state=0),
}

out = {"sklearn": sklearn.__version__, "xgboost": xgboost.__version__, "threads": 1,
       "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "results": {}}
for spec in a.data:
    name, paths = spec.split("=")
    train_path, test_path = paths.split(",")
    (xtr, ytr), (xte, yte) = load(train_path), load(test_path)
    res = {}
    for model_name, make in models.items():
        make().fit(xtr, ytr)  # warm-up
        times, model = [], None
        for _ in range(a.rounds):
            model = make()
            t = time.perf_counter()
            model.fit(xtr, ytr)
            times.append(time.perf_counter() - t)
        res[model_name] = {"seconds": float(np.median(times)), "accuracy": float((model.predict(xte) == yte).mean())}
    out["results"][name] = res
print(json.dumps(out))
