#!/usr/bin/python3
"""Semantic segmentation figures computed the straightforward numpy way, to check Loupe's against.

    reference_metrics.py --write [FILE]   writes fixed mask cases and their figures (default:
                                          tests/data/segmetrics/reference.json); re-running gives the same file
    reference_metrics.py CASES.json       prints the figures of the cases in CASES.json (same shape)

One confusion matrix over every pixel of a case (all its images), truth value 255 ignored; per class
IoU = TP / (TP + FP + FN) and Dice = 2 TP / (2 TP + FP + FN), None for a class with no pixel in truth
or prediction. mIoU is the mean over the classes that have a figure, background (class 0) included;
miou_foreground leaves class 0 out. Pixel accuracy = trace / scored pixels. Needs numpy
(Debian's python3-numpy: run with /usr/bin/python3).
"""
import json
import os
import re
import sys

import numpy as np

IGNORE = 255


def figures(case):
    n = len(case["classes"])
    conf = np.zeros((n, n), dtype=np.int64)
    ignored = 0
    for image in case["images"]:
        t = np.asarray(image["truth"], dtype=np.int64).ravel()
        p = np.asarray(image["predicted"], dtype=np.int64).ravel()
        keep = t != IGNORE
        ignored += int((~keep).sum())
        conf += np.bincount(t[keep] * n + p[keep], minlength=n * n).reshape(n, n)
    tp = np.diag(conf).astype(np.float64)
    rows = conf.sum(axis=1).astype(np.float64)
    cols = conf.sum(axis=0).astype(np.float64)
    union = rows + cols - tp
    present = union > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        iou = np.where(present, tp / union, np.nan)
        dice = np.where(present, 2 * tp / (rows + cols), np.nan)
    total = conf.sum()

    def mean(values):
        return float(np.mean(values)) if len(values) else None

    def opt(v):
        return None if np.isnan(v) else float(v)

    return {
        "miou": mean(iou[present]),
        "miou_foreground": mean(iou[1:][present[1:]]),
        "mean_dice": mean(dice[present]),
        "pixel_accuracy": float(tp.sum() / total) if total else None,
        "pixels": int(total),
        "ignored_pixels": ignored,
        "per_class": [{"name": case["classes"][k], "iou": opt(iou[k]), "dice": opt(dice[k]),
                       "true_pixels": int(rows[k]), "predicted_pixels": int(cols[k])} for k in range(n)],
        "confusion": conf.tolist(),
    }


def blobs(rng, h, w, n, count):
    """A background mask with a few rectangles and discs of random classes."""
    m = np.zeros((h, w), dtype=np.int64)
    yy, xx = np.mgrid[0:h, 0:w]
    for _ in range(count):
        k = int(rng.integers(1, n))
        if rng.random() < 0.5:
            y0, x0 = int(rng.integers(0, h - 2)), int(rng.integers(0, w - 2))
            m[y0:y0 + int(rng.integers(1, h // 2)), x0:x0 + int(rng.integers(1, w // 2))] = k
        else:
            cy, cx, r = rng.integers(0, h), rng.integers(0, w), rng.integers(1, max(2, h // 4))
            m[(yy - cy) ** 2 + (xx - cx) ** 2 <= r * r] = k
    return m


def prediction_of(rng, truth, n, flip):
    """The truth shifted by a pixel, with a share of pixels flipped to random classes."""
    p = np.roll(truth, int(rng.integers(-1, 2)), axis=int(rng.integers(0, 2))).copy()
    p[p == IGNORE] = 0
    noise = rng.random(p.shape) < flip
    p[noise] = rng.integers(0, n, size=int(noise.sum()))
    return p


def make_cases():
    rng = np.random.default_rng(14)
    cases = []
    # Several images, ignored pixels along region borders (VOC's boundary).
    for name, n, h, w, images, flip in [("three_classes", 3, 12, 16, 2, 0.1),
                                        ("five_classes", 5, 30, 40, 3, 0.05),
                                        ("binary_defects", 2, 24, 24, 4, 0.02)]:
        imgs = []
        for _ in range(images):
            t = blobs(rng, h, w, n, 4)
            border = (t != np.roll(t, 1, axis=0)) & (rng.random(t.shape) < 0.5)
            p = prediction_of(rng, t, n, flip)
            t[border] = IGNORE
            imgs.append({"truth": t.tolist(), "predicted": p.tolist()})
        classes = ["background"] + ["class%d" % k for k in range(1, n)]
        cases.append({"name": name, "classes": classes, "images": imgs})
    # Class 3 in neither truth nor prediction: no figure, left out of the means.
    t = np.array([[0, 0, 1, 1], [0, 2, 2, 1], [0, 0, 0, 0]])
    p = np.array([[0, 1, 1, 1], [0, 2, 0, 1], [0, 0, 0, 2]])
    cases.append({"name": "absent_class", "classes": ["background", "scratch", "dent", "spot"],
                  "images": [{"truth": t.tolist(), "predicted": p.tolist()}]})
    # Class 2 predicted but absent from the truth: IoU 0, counted in the mean.
    t = np.array([[0, 0, 1], [0, 1, 1]])
    p = np.array([[0, 2, 1], [0, 1, 1]])
    cases.append({"name": "predicted_only", "classes": ["background", "scratch", "dent"],
                  "images": [{"truth": t.tolist(), "predicted": p.tolist()}]})
    # A defect-free image predicted perfectly: background only, mIoU 1, no foreground figure.
    z = np.zeros((4, 5), dtype=np.int64)
    cases.append({"name": "good_image", "classes": ["background", "scratch"],
                  "images": [{"truth": z.tolist(), "predicted": z.tolist()}]})
    # Every truth pixel ignored: nothing scored.
    cases.append({"name": "all_ignored", "classes": ["background", "scratch"],
                  "images": [{"truth": np.full((2, 3), IGNORE).tolist(), "predicted": np.ones((2, 3), int).tolist()}]})
    return cases


def main():
    args = sys.argv[1:]
    if args and args[0] == "--write":
        here = os.path.dirname(os.path.abspath(__file__))
        out = args[1] if len(args) > 1 else os.path.join(here, "..", "..", "tests", "data", "segmetrics",
                                                          "reference.json")
        cases = make_cases()
        for c in cases:
            c["figures"] = figures(c)
        doc = {"generator": "bench/segment/reference_metrics.py", "numpy": np.__version__, "cases": cases}
        text = json.dumps(doc, indent=1)
        # One line per mask row and per list of numbers: a reviewable file.
        text = re.sub(r"\[\s*([-0-9.e, \n]+?)\s*\]",
                      lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text)
        with open(out, "w") as f:
            f.write(text + "\n")
        return 0
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0]) as f:
        doc = json.load(f)
    json.dump({c["name"]: figures(c) for c in doc["cases"]}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
