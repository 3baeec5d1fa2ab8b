#!/usr/bin/python3
"""Writes reference.json: fixed classification cases and scikit-learn's figures for them.

tst_metrics checks loupe::computeMetrics against every number of "cases" and
loupe::precisionRecallCurve against every number of "pr_cases". Needs Debian's
python3-sklearn and python3-numpy (run with /usr/bin/python3). Re-running gives the same file.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score,
                             confusion_matrix, f1_score, precision_recall_curve,
                             precision_recall_fscore_support)


def random_case(rng, n, count, weights, accuracy):
    """Imbalanced truth; each prediction is right with probability `accuracy`, else uniform."""
    p = np.asarray(weights, dtype=float)
    truth = rng.choice(n, size=count, p=p / p.sum())
    right = rng.random(count) < accuracy
    pred = np.where(right, truth, rng.integers(0, n, size=count))
    return truth.tolist(), pred.tolist()


def figures(name, labels, truth, pred):
    n = len(labels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ill-defined ratios are the point of some cases
        p, r, f, s = precision_recall_fscore_support(
            truth, pred, labels=list(range(n)), average=None, zero_division=0)
        macro = f1_score(truth, pred, labels=list(range(n)), average="macro", zero_division=0)
    return {
        "name": name,
        "labels": labels,
        "truth": [int(t) for t in truth],
        "predicted": [int(x) for x in pred],
        "accuracy": float(accuracy_score(truth, pred)),
        "macro_f1": float(macro),
        "precision": [float(x) for x in p],
        "recall": [float(x) for x in r],
        "f1": [float(x) for x in f],
        "support": [int(x) for x in s],
        "confusion": confusion_matrix(truth, pred, labels=list(range(n))).tolist(),
    }


def pr_figures(name, truth, scores):
    """One-vs-rest curve of one class: truth is 0/1, scores that class's probability."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no positives warns; its figures are the point
        p, r, t = precision_recall_curve(truth, scores)
        ap = average_precision_score(truth, scores)
    return {
        "name": name,
        "truth": [int(x) for x in truth],
        "scores": [float(x) for x in scores],
        "precision": [float(x) for x in p],
        "recall": [float(x) for x in r],
        "thresholds": [float(x) for x in t],
        "average_precision": float(ap),
    }


def pr_cases():
    # A generator of its own, so that the classification cases above keep their numbers.
    rng = np.random.default_rng(20261128)
    cases = []
    cases.append(pr_figures("sklearn_doc", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))
    # Scores rounded to one decimal: many ties, some mixing positives and negatives.
    truth = (rng.random(40) < 0.4).astype(int)
    scores = np.round(np.clip(0.3 + 0.4 * truth + rng.normal(0, 0.25, 40), 0, 1), 1)
    cases.append(pr_figures("ties", truth, scores))
    cases.append(pr_figures("no_positives", [0, 0, 0, 0, 0], [0.1, 0.5, 0.5, 0.9, 0.2]))
    cases.append(pr_figures("all_positive", [1, 1, 1, 1], [0.2, 0.7, 0.7, 0.4]))
    cases.append(pr_figures("all_equal_scores", [1, 0, 0, 1, 0, 0], [0.25] * 6))
    cases.append(pr_figures("perfect_separation", [0, 1, 0, 1, 1, 0, 0], [0.1, 0.9, 0.2, 0.8, 0.95, 0.3, 0.05]))
    cases.append(pr_figures("reversed_separation", [1, 0, 1, 0], [0.1, 0.9, 0.2, 0.8]))
    # Probabilities as the model writes them: float32 softmax outputs.
    truth = (rng.random(300) < 0.2).astype(int)
    logits = rng.normal(0, 1, 300) + 1.5 * truth
    scores = (1 / (1 + np.exp(-logits))).astype(np.float32).astype(np.float64)
    cases.append(pr_figures("float32_random", truth, scores))
    cases.append(pr_figures("single_image", [1], [0.6]))
    return cases


def main():
    rng = np.random.default_rng(20240611)
    cases = []

    t, q = random_case(rng, 3, 60, [0.6, 0.3, 0.1], 0.7)
    cases.append(figures("random3", ["cat", "dog", "fox"], t, q))

    t, q = random_case(rng, 5, 200, [40, 25, 15, 12, 8], 0.55)
    cases.append(figures("random5", ["ok", "scratch", "dent", "stain", "crack"], t, q))

    t, q = random_case(rng, 10, 500, [30, 20, 12, 10, 8, 6, 5, 4, 3, 2], 0.5)
    cases.append(figures("random10", ["c%d" % i for i in range(10)], t, q))

    # Class 2 is in the truth but never predicted: precision 0 by zero_division.
    t, q = random_case(rng, 4, 80, [4, 3, 2, 1], 0.6)
    q = [x if x != 2 else (0 if i % 2 else 3) for i, x in enumerate(q)]
    cases.append(figures("never_predicted", ["a", "b", "c", "d"], t, q))

    # Class 1 is predicted but absent from the truth: recall 0, support 0.
    t, q = random_case(rng, 4, 80, [4, 3, 2, 1], 0.6)
    t = [x if x != 1 else 3 for x in t]
    cases.append(figures("absent_from_truth", ["a", "b", "c", "d"], t, q))

    # Class 3 is neither in the truth nor predicted; labels=range(n) still averages its 0.
    t, q = random_case(rng, 3, 40, [2, 1, 1], 0.7)
    cases.append(figures("unused_label", ["a", "b", "c", "never"], t, q))

    t, _ = random_case(rng, 4, 50, [5, 3, 1, 1], 1.0)
    cases.append(figures("perfect", ["w", "x", "y", "z"], t, list(t)))

    t, q = random_case(rng, 2, 120, [0.85, 0.15], 0.8)
    cases.append(figures("two_class", ["good", "defect"], t, q))

    # Nothing right at all.
    cases.append(figures("all_wrong", ["a", "b", "c"], [0, 0, 1, 1, 2, 2], [1, 2, 0, 2, 0, 1]))

    out = {"generator": "make_reference.py", "sklearn": sklearn.__version__, "cases": cases,
           "pr_cases": pr_cases()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
