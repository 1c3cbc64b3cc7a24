#!/usr/bin/python3
"""Reference values for the Kit's generative-AI evaluation metrics, from Debian's own packages.

Run with Debian's /usr/bin/python3 (python3-nltk 3.8, python3-sklearn 1.2, python3-scipy) in this folder:
    /usr/bin/python3 make_fixtures.py
It reads data/genai-eval/answers.json and writes genai.json: NLTK's BLEU (sentence and corpus, four smoothing
choices) on every candidate of the shipped set and on the examples of Papineni et al. (2002), scikit-learn's
cohen_kappa_score of the two raters, and scipy's Spearman correlation. Tokens: lower case, runs of [a-z0-9].
"""
import json, os, re, warnings
import nltk
import sklearn
import scipy
from nltk.translate.bleu_score import SmoothingFunction, corpus_bleu, sentence_bleu
from scipy.stats import spearmanr
from sklearn.metrics import cohen_kappa_score

warnings.filterwarnings("ignore")  # NLTK warns on zero n-gram counts; the zero is the point
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", "..", ".."))
data = json.load(open(os.path.join(root, "data", "genai-eval", "answers.json"), encoding="utf-8"))


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


sm = SmoothingFunction()
smoothings = {"None": sm.method0, "Epsilon": sm.method1, "AddOne": sm.method2, "Exponential": sm.method3}
cases = []

candidates, references = [], []
for item in data["items"]:
    for c in item["candidates"]:
        candidates.append(c["text"])
        references.append([item["reference"]])
        for name, fn in smoothings.items():
            cases.append({"name": f"sentence {c['id']} {name}", "kind": "bleu", "smoothing": name,
                          "candidates": [c["text"]], "references": [[item["reference"]]],
                          "bleu": sentence_bleu([words(item["reference"])], words(c["text"]), smoothing_function=fn)})
for name, fn in smoothings.items():
    cases.append({"name": f"corpus shipped set {name}", "kind": "bleu", "smoothing": name,
                  "candidates": candidates, "references": references,
                  "bleu": corpus_bleu([[words(r) for r in refs] for refs in references], [words(c) for c in candidates], smoothing_function=fn)})

# Papineni et al. (2002), section 2.1, example 1: two candidates and three references.
paper_refs = [
    "It is a guide to action that ensures that the military will forever heed Party commands.",
    "It is the guiding principle which guarantees the military forces always being under the command of the Party.",
    "It is the practical guide for the army always to heed the directions of the party.",
]
paper_cands = {
    "paper candidate 1": "It is a guide to action which ensures that the military always obeys the commands of the party.",
    "paper candidate 2": "It is to insure the troops forever hearing the activity guidebook that party direct.",
}
for label, text in paper_cands.items():
    for name, fn in smoothings.items():
        cases.append({"name": f"{label} {name}", "kind": "bleu", "smoothing": name, "candidates": [text], "references": [paper_refs],
                      "bleu": sentence_bleu([words(r) for r in paper_refs], words(text), smoothing_function=fn)})

a = [c["raterA"] for i in data["items"] for c in i["candidates"]]
b = [c["raterB"] for i in data["items"] for c in i["candidates"]]
for weights in [None, "linear", "quadratic"]:
    cases.append({"name": f"cohen kappa raters {weights or 'none'}", "kind": "kappa", "weights": weights or "none", "a": a, "b": b,
                  "kappa": cohen_kappa_score(a, b, weights=weights)})
judge_like = [3, 1, 5, 2, 2, 4, 4, 1, 5, 3, 1, 2]
human_like = [3, 1, 4, 2, 1, 4, 5, 1, 5, 2, 2, 2]
cases.append({"name": "cohen kappa small none", "kind": "kappa", "weights": "none", "a": judge_like, "b": human_like,
              "kappa": cohen_kappa_score(judge_like, human_like)})
cases.append({"name": "spearman raters", "kind": "spearman", "a": a, "b": b, "rho": spearmanr(a, b).correlation})

out = {"made_by": "make_fixtures.py", "peers": {"nltk": nltk.__version__, "sklearn": sklearn.__version__, "scipy": scipy.__version__}, "cases": cases}
tmp = os.path.join(here, "genai.json.tmp")
with open(tmp, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
os.replace(tmp, os.path.join(here, "genai.json"))
print(f"{len(cases)} cases")
