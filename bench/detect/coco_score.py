#!/usr/bin/python3
"""Scores a COCO results file against COCO ground truth with pycocotools' COCOeval rules (iouType
"bbox", default parameters), so that Loupe's and the peer's detections are scored by the same code.
pycocotools is not packaged in Debian; this follows its source (cocoeval.py, 2.0) step by step:

- IoU thresholds .50:.05:.95 and recall thresholds 0:.01:1 as numpy.linspace computes them;
- per image and category, detections sorted by descending score (a stable sort) and cut to the
  100 best (maxDets 100); ground truth ordered not-ignored first; crowd boxes (iscrowd) are ignored,
  can be matched by any number of detections, and their IoU is the intersection over the
  detection's area; plain IoU has no +1 on sizes;
- greedy matching in score order: a detection takes the unmatched ground truth with the highest IoU
  >= min(threshold, 1 - 1e-10), a tie in IoU going to the later box, never trading a counted box for
  an ignored one; a detection matched to an ignored box is ignored;
- accumulation per category over all images (ascending image id; ties in score keep that order),
  precision made monotone from the right, sampled at the 101 recall thresholds (searchsorted, left;
  0 past the highest recall reached);
- AP = mean of those samples over thresholds and categories, leaving out categories with no counted
  ground truth (-1). Area range "all" only (this benchmark reports AP, AP50, AP75, AR@100, per class).

Departure: a results file with no detections scores 0 (COCO's loadRes refuses an empty list).
An annotation id of 0 counts as a match here (COCOeval stores matches as ids and would lose it).

  coco_score.py GROUND_TRUTH.json RESULTS.json [--json] [--run-config RUN/config.json]

--run-config: for results written by `loupe-cli eval --predictions` that number images and categories by
Loupe's own indexes (1-based, in the evaluated dataset's image order and the run's class order) rather
than by the source COCO ids: every image_id is taken from the result's file_name and every category_id k
from the run's k-th class name (config.json's dataset.classes). Without it the ids are used as they are.
"""

import argparse
import json
import os
import sys

import numpy as np

IOU_THRS = np.linspace(.5, 0.95, int(np.round((0.95 - .5) / .05)) + 1, endpoint=True)
REC_THRS = np.linspace(.0, 1.00, int(np.round((1.00 - .0) / .01)) + 1, endpoint=True)
MAX_DET = 100


def iou_matrix(dts, gts, crowd):
    """pycocotools maskUtils.iou for boxes [x, y, w, h]: rows detections, columns ground truth."""
    if len(dts) == 0 or len(gts) == 0:
        return np.zeros((len(dts), len(gts)))
    d = np.asarray(dts, dtype=np.float64)
    g = np.asarray(gts, dtype=np.float64)
    out = np.zeros((len(d), len(g)))
    for j in range(len(g)):
        gx, gy, gw, gh = g[j]
        ga = gw * gh
        for i in range(len(d)):
            dx, dy, dw, dh = d[i]
            w = min(dx + dw, gx + gw) - max(dx, gx)
            if w <= 0:
                continue
            h = min(dy + dh, gy + gh) - max(dy, gy)
            if h <= 0:
                continue
            inter = w * h
            union = dw * dh if crowd[j] else dw * dh + ga - inter
            out[i, j] = inter / union
    return out


def evaluate_image(gts, dts):
    """COCOeval.evaluateImg for one image and category, area "all", maxDet 100."""
    if not gts and not dts:
        return None
    g_ignore = np.array([1 if g.get("iscrowd", 0) or g.get("ignore", 0) else 0 for g in gts], dtype=int)
    gtind = np.argsort(g_ignore, kind="mergesort")
    gts = [gts[i] for i in gtind]
    g_ignore = g_ignore[gtind]
    dtind = np.argsort([-d["score"] for d in dts], kind="mergesort")
    dts = [dts[i] for i in dtind[:MAX_DET]]
    crowd = [int(g.get("iscrowd", 0)) for g in gts]
    ious = iou_matrix([d["bbox"] for d in dts], [g["bbox"] for g in gts], crowd)
    T, G, D = len(IOU_THRS), len(gts), len(dts)
    gtm = np.zeros((T, G), dtype=bool)
    dtm = np.zeros((T, D), dtype=bool)
    dt_ig = np.zeros((T, D), dtype=bool)
    if G and D:
        for tind, t in enumerate(IOU_THRS):
            for dind in range(D):
                iou = min(t, 1 - 1e-10)
                m = -1
                for gind in range(G):
                    if gtm[tind, gind] and not crowd[gind]:
                        continue
                    if m > -1 and g_ignore[m] == 0 and g_ignore[gind] == 1:
                        break
                    if ious[dind, gind] < iou:
                        continue
                    iou = ious[dind, gind]
                    m = gind
                if m == -1:
                    continue
                dt_ig[tind, dind] = bool(g_ignore[m])
                dtm[tind, dind] = True
                gtm[tind, m] = True
    return {"scores": np.array([d["score"] for d in dts]), "dtm": dtm, "dt_ig": dt_ig, "g_ignore": g_ignore}


def score(truth, results):
    image_ids = sorted({im["id"] for im in truth["images"]})
    known = set(image_ids)
    for r in results:
        if r["image_id"] not in known:
            raise ValueError(f"result on image_id {r['image_id']}, which the ground truth does not have")
    categories = truth["categories"]
    gt_by = {}
    for a in truth["annotations"]:
        gt_by.setdefault((a["image_id"], a["category_id"]), []).append(a)
    dt_by = {}
    for r in results:
        dt_by.setdefault((r["image_id"], r["category_id"]), []).append(r)
    T, R, K = len(IOU_THRS), len(REC_THRS), len(categories)
    precision = -np.ones((T, R, K))
    recall = -np.ones((T, K))
    per_class = []
    for k, cat in enumerate(categories):
        evals = [evaluate_image(gt_by.get((i, cat["id"]), []), dt_by.get((i, cat["id"]), [])) for i in image_ids]
        evals = [e for e in evals if e is not None]
        support = sum(len(gt_by.get((i, cat["id"]), [])) for i in image_ids)
        n_det = sum(len(e["scores"]) for e in evals)
        if evals:
            scores = np.concatenate([e["scores"] for e in evals])
            inds = np.argsort(-scores, kind="mergesort")
            dtm = np.concatenate([e["dtm"] for e in evals], axis=1)[:, inds]
            dt_ig = np.concatenate([e["dt_ig"] for e in evals], axis=1)[:, inds]
            g_ignore = np.concatenate([e["g_ignore"] for e in evals])
            npig = np.count_nonzero(g_ignore == 0)
            if npig:
                tps = np.logical_and(dtm, np.logical_not(dt_ig))
                fps = np.logical_and(np.logical_not(dtm), np.logical_not(dt_ig))
                tp_sum = np.cumsum(tps, axis=1).astype(dtype=float)
                fp_sum = np.cumsum(fps, axis=1).astype(dtype=float)
                for t, (tp, fp) in enumerate(zip(tp_sum, fp_sum)):
                    nd = len(tp)
                    rc = tp / npig
                    pr = (tp / (fp + tp + np.spacing(1))).tolist()
                    recall[t, k] = rc[-1] if nd else 0
                    q = np.zeros((R,))
                    for i in range(nd - 1, 0, -1):
                        if pr[i] > pr[i - 1]:
                            pr[i - 1] = pr[i]
                    idx = np.searchsorted(rc, REC_THRS, side="left")
                    for ri, pi in enumerate(idx):
                        if pi < nd:
                            q[ri] = pr[pi]
                    precision[t, :, k] = q
        p = precision[:, :, k]
        per_class.append({"name": cat["name"], "id": cat["id"], "support": support, "detections": n_det,
                          "ap": mean_valid(p), "ap50": mean_valid(p[0]), "ap75": mean_valid(p[5])})
    return {"map": mean_valid(precision), "ap50": mean_valid(precision[0]), "ap75": mean_valid(precision[5]),
            "ar100": mean_valid(recall), "images": len(image_ids), "detections": len(results),
            "per_class": per_class}


def loupe_ids_to_coco(truth, results, run_config):
    by_name = {os.path.basename(im["file_name"]): im["id"] for im in truth["images"]}
    with open(run_config) as f:
        classes = json.load(f)["dataset"]["classes"]
    cat_by_name = {c["name"]: c["id"] for c in truth["categories"]}
    out = []
    for r in results:
        name = os.path.basename(r.get("file_name", ""))
        if name not in by_name:
            raise ValueError(f"result without a known file_name: {r}")
        out.append(dict(r, image_id=by_name[name], category_id=cat_by_name[classes[r["category_id"] - 1]]))
    return out


def mean_valid(a):
    a = np.asarray(a)
    v = a[a > -1]
    return float(np.mean(v)) if v.size else -1.0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("truth", help="COCO ground truth (images, categories, annotations)")
    p.add_argument("results", help="COCO results: [{image_id, category_id, bbox, score}]")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--run-config", help="Loupe run's config.json: the results use Loupe's index ids; map them to COCO ids")
    args = p.parse_args()
    with open(args.truth) as f:
        truth = json.load(f)
    with open(args.results) as f:
        results = json.load(f)
    if args.run_config:
        results = loupe_ids_to_coco(truth, results, args.run_config)
    s = score(truth, results)
    if args.json:
        print(json.dumps(s))
        return
    print(f"mAP@[.50:.95] {s['map']:.4f}  AP50 {s['ap50']:.4f}  AP75 {s['ap75']:.4f}  AR@100 {s['ar100']:.4f}  "
          f"({s['images']} images, {s['detections']} detections)")
    for c in s["per_class"]:
        print(f"  {c['name']:<12} AP {c['ap']:.4f}  AP50 {c['ap50']:.4f}  boxes {c['support']}  "
              f"detections {c['detections']}")


if __name__ == "__main__":
    sys.exit(main())
