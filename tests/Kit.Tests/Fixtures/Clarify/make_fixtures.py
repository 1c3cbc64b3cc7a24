#!/usr/bin/python3
"""Reference bias metrics from AWS's open-source smclarify (github.com/aws/amazon-sagemaker-clarify), run on seeded cases.

Run:  /usr/bin/python3 tests/Kit.Tests/Fixtures/Clarify/make_fixtures.py PATH/TO/amazon-sagemaker-clarify/src
Needs Debian's python3-pandas and python3-sklearn (the flip test's k-NN). smclarify's util module imports pyfunctional's
`seq`, which Debian does not package; the few `seq` operations it uses are provided below, nothing else is replaced.
Writes bias.json: each case's facet, labels, predictions, groups and features, and smclarify's value of every metric
(infinities as the strings "Infinity"/"-Infinity", since JSON has none).
"""
import json, os, sys, types
import numpy as np
import pandas as pd

class seq:
    def __init__(self, xs): self.xs = list(xs)
    def __iter__(self): return iter(self.xs)
    def map(self, f): return seq(map(f, self.xs))
    def flat_map(self, f): return seq(y for x in self.xs for y in f(x))
    def distinct(self): return seq(dict.fromkeys(self.xs))
    def sorted(self): return seq(sorted(self.xs))
    def list(self): return list(self.xs)
    def sum(self): return sum(self.xs)
    def reduce_by_key(self, f):
        d = {}
        for k, v in self.xs: d[k] = f(d[k], v) if k in d else v
        return seq(d.items())

sys.modules['functional'] = types.SimpleNamespace(seq=seq)
sys.path.insert(0, sys.argv[1])
from smclarify.bias.metrics import pretraining as pre, posttraining as post

def number(v):
    v = float(v)
    return v if np.isfinite(v) else ("Infinity" if v > 0 else "-Infinity")

def case(name, facet, labels, predicted, groups, features, positive=1):
    f = pd.Series(facet, dtype=bool)
    y, yhat = pd.Series(labels), pd.Series(predicted)
    Y, P = y == positive, yhat == positive
    idx, g = pd.Series(range(len(labels))), pd.Series(groups)
    m = {
        "CI": pre.CI(idx, f), "DPL": pre.DPL(idx, f, Y), "KL": pre.KL(y, f), "JS": pre.JS(y, f), "LP": pre.LP(y, f),
        "TVD": pre.TVD(y, f), "KS": pre.KS(y, f), "CDDL": pre.CDDL(idx, f, Y, g),
        "DPPL": post.DPPL(idx, f, P), "DI": post.DI(idx, f, P), "DCA": post.DCA(idx, f, Y, P), "DCR": post.DCR(idx, f, Y, P),
        "RD": post.RD(idx, f, Y, P), "SD": post.SD(idx, f, Y, P), "AD": post.AD(idx, f, Y, P), "DAR": post.DAR(idx, f, Y, P),
        "DRR": post.DRR(idx, f, Y, P), "TE": post.TE(idx, f, Y, P), "CDDPL": post.CDDPL(idx, f, P, g), "GE": post.GE(Y, P),
        "FT": post.FT(pd.DataFrame(features), f, P),
    }
    return dict(name=name, facet=[bool(v) for v in facet], labels=[int(v) for v in labels], predicted=[int(v) for v in predicted],
                groups=[int(v) for v in groups], features=np.asarray(features, dtype=float).tolist(), positive=positive,
                metrics={k: number(v) for k, v in m.items()})

cases = []
for seed in range(4):
    rng = np.random.default_rng(seed)
    n = 80
    facet = rng.random(n) < 0.3
    x = rng.normal(size=(n, 2))
    labels = (x[:, 0] + 0.5 * rng.normal(size=n) - 0.7 * facet > 0).astype(int)
    predicted = (x[:, 0] + 0.3 * x[:, 1] - 0.5 * facet > 0).astype(int)
    groups = rng.integers(0, 3, n)
    cases.append(case(f"random seed {seed}", facet, labels, predicted, groups, x))
rng = np.random.default_rng(10)
n = 60
facet = rng.random(n) < 0.4
labels = rng.integers(0, 3, n)
predicted = rng.integers(0, 3, n)
cases.append(case("three-valued labels, positive label 1", facet, labels, predicted, rng.integers(0, 2, n), rng.normal(size=(n, 3)), positive=1))
# small facets: d has no false positive (TE = +inf), a has 5 rows (flip test with k = 1)
cases.append(case("zero denominators and a small a", [False] * 5 + [True] * 4, [1, 0, 1, 0, 1, 1, 1, 0, 1], [1, 1, 0, 0, 1, 0, 1, 0, 0],
                  [0, 1, 0, 1, 0, 1, 0, 1, 1], [[0.0], [1.0], [2.0], [3.0], [4.0], [0.4], [1.6], [2.2], [3.9]]))

import sklearn
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "bias.json"), "w") as out:
    json.dump({"source": "smclarify (github.com/aws/amazon-sagemaker-clarify), pandas " + pd.__version__ + ", scikit-learn " + sklearn.__version__,
               "cases": cases}, out, indent=1)
    out.write("\n")
print(f"wrote {len(cases)} cases")
