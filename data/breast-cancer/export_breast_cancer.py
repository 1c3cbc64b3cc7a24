#!/usr/bin/python3
"""Export scikit-learn's copy of the UCI Breast Cancer Wisconsin (Diagnostic) data to data/breast-cancer/breast_cancer.csv.gz.

Run with Debian's Python (python3-sklearn 1.2.1):  /usr/bin/python3 data/breast-cancer/export_breast_cancer.py
Writes one header line (the 30 feature names, then label) and 569 rows: 30 measurements written with repr
(exact float64) and the label, 0 = malignant, 1 = benign (scikit-learn's coding). gzip with mtime 0, so the
output is byte-identical on rerun.
"""
import gzip, io, os
import numpy as np
from sklearn.datasets import load_breast_cancer

here = os.path.dirname(os.path.abspath(__file__))
d = load_breast_cancer()
X, y = d.data, d.target.astype(np.int64)
assert X.shape == (569, 30) and sorted(set(y.tolist())) == [0, 1]

buf = io.StringIO()
buf.write(",".join([n.replace(" ", "_") for n in d.feature_names] + ["label"]) + "\n")
for row, label in zip(X, y):
    buf.write(",".join(repr(float(v)) for v in row) + f",{label}\n")
with open(os.path.join(here, "breast_cancer.csv.gz"), "wb") as f:
    with gzip.GzipFile(filename="breast_cancer.csv", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
        g.write(buf.getvalue().encode("ascii"))
print("wrote", os.path.join(here, "breast_cancer.csv.gz"), X.shape, np.bincount(y).tolist())
