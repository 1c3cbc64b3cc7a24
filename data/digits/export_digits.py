#!/usr/bin/python3
"""Export scikit-learn's copy of the UCI 8x8 handwritten digits to data/digits/digits.csv.gz.

Run with Debian's Python (python3-sklearn 1.2.1):  /usr/bin/python3 data/digits/export_digits.py
Writes one header line (p0..p63,label) and 1,797 rows of 64 pixel intensities (0-16, row by row,
top-left first) followed by the digit 0-9. gzip with mtime 0, so the output is byte-identical on rerun.
Also writes tests/Kit.Tests/Fixtures/digits/digits_reference.json: facts the C# loader's tests check.
"""
import gzip, io, json, os
import numpy as np
from sklearn.datasets import load_digits

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
d = load_digits()
X = d.data.astype(np.int64)
y = d.target.astype(np.int64)
assert X.shape == (1797, 64) and X.min() >= 0 and X.max() <= 16

buf = io.StringIO()
buf.write(",".join([f"p{i}" for i in range(64)] + ["label"]) + "\n")
for row, label in zip(X, y):
    buf.write(",".join(str(v) for v in row) + f",{label}\n")
with open(os.path.join(here, "digits.csv.gz"), "wb") as f:
    with gzip.GzipFile(filename="digits.csv", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
        g.write(buf.getvalue().encode("ascii"))

fixtures = os.path.join(root, "tests", "Kit.Tests", "Fixtures", "digits")
os.makedirs(fixtures, exist_ok=True)
reference = {
    "source": "sklearn.datasets.load_digits (scikit-learn 1.2.1, Debian python3-sklearn)",
    "shape": list(X.shape),
    "label_counts": np.bincount(y, minlength=10).tolist(),
    "first_labels": y[:10].tolist(),
    "first_image": X[0].tolist(),
    "pixel_sum": int(X.sum()),
    "mean_image": X.mean(axis=0).tolist(),
}
with open(os.path.join(fixtures, "digits_reference.json"), "w") as f:
    json.dump(reference, f, indent=1)
print("wrote", os.path.join(here, "digits.csv.gz"), "and", fixtures)
