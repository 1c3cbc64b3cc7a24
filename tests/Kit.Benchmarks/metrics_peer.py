#!/usr/bin/python3
"""scikit-learn's side of `Kit.Benchmarks metrics`: the same metrics on data of the same size.

Prints one JSON line of median seconds per metric and the configuration this process really ran with
(peer_config.py: silhouette's pairwise distances go through numpy's BLAS). Run by MetricsBenchmark.cs; alone:
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 metrics_peer.py --samples 1000000 --points 10000 --rounds 5
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.metrics import f1_score, roc_auc_score, silhouette_score

import peer_config

ap = argparse.ArgumentParser()
ap.add_argument("--samples", type=int, default=1_000_000)
ap.add_argument("--points", type=int, default=10_000)
ap.add_argument("--clusters", type=int, default=5)
ap.add_argument("--rounds", type=int, default=5)
a = ap.parse_args()

rng = np.random.default_rng(0)
y = (rng.random(a.samples) < 0.3).astype(np.int32)
score = 1 / (1 + np.exp(-(rng.standard_normal(a.samples) + np.where(y == 1, 1.0, -1.0))))
pred = (score >= 0.5).astype(np.int32)
centres = rng.uniform(-10, 10, size=(a.clusters, 2))
labels = np.arange(a.points) % a.clusters
X = centres[labels] + rng.standard_normal((a.points, 2))


def median_seconds(f, rounds):
    f()  # warm-up
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return float(np.median(times))


out = {
    "roc_auc": median_seconds(lambda: roc_auc_score(y, score), a.rounds),
    "f1": median_seconds(lambda: f1_score(y, pred), a.rounds),
    "silhouette": median_seconds(lambda: silhouette_score(X, labels), max(1, a.rounds // 2)),
    "config": peer_config.describe(sklearn=sklearn.__version__, numpy=np.__version__),
}
print(json.dumps(out))
