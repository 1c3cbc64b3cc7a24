"""Reference cross-validation scores for the Kit's AutoML tests (AutoMLFixtureTests), made with scikit-learn 1.2.

Run with Debian's Python: /usr/bin/python3 make_fixtures.py  (writes cv_scores.json next to this script).
The table is scikit-learn's breast cancer data with the target 'malignant' (1 = malignant, its label 0), the folds
StratifiedKFold(5) without shuffling (the Kit's StratifiedKFold allocates rows exactly as 1.2 does), the objective
F1 with malignant as the positive class. Each candidate's per-fold F1 is stored; the random forest's, which depends on
the forest's random stream, is averaged over 10 seeds, with the spread of its 5-fold mean across those seeds.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("error", ConvergenceWarning)  # a reference that did not converge is no reference

X, label = load_breast_cancer(return_X_y=True)
X = X.astype(np.float32).astype(np.float64)  # the Kit stores the table as float32
y = (label == 0).astype(int)
folds = list(StratifiedKFold(5).split(X, y))


def cv_f1(make):
    return [float(f1_score(y[test], make().fit(X[train], y[train]).predict(X[test]))) for train, test in folds]


cases = {
    "logistic regression / standardize": cv_f1(lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, tol=1e-10, max_iter=100000))),
    # On the raw columns newton-cg prints scipy line-search warnings once it is within rounding of the optimum (tol
    # 1e-10 asks for more than float64 gives); it raises no ConvergenceWarning, and its F1s equal the Kit's exact Newton fit.
    "logistic regression / none": cv_f1(lambda: LogisticRegression(C=1.0, solver="newton-cg", tol=1e-10, max_iter=100000)),
    "gradient boosting / none": cv_f1(lambda: GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=0)),
}
forest_means = [float(np.mean(cv_f1(lambda: RandomForestClassifier(n_estimators=100, max_features="sqrt", random_state=s)))) for s in range(10)]

out = {
    "sklearn_version": sklearn.__version__,
    "test_folds": [test.tolist() for _, test in folds],
    "cases": [{"candidate": k, "fold_f1": v, "mean_f1": float(np.mean(v))} for k, v in cases.items()],
    "random_forest": {"seeds": 10, "mean_f1": float(np.mean(forest_means)), "spread_of_cv_mean": float(np.std(forest_means)), "cv_means": forest_means},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cv_scores.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps({k: v for k, v in out.items() if k != "test_folds"}, indent=1))
