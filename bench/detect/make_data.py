#!/usr/bin/python3
"""A synthetic inspection set for the detection benchmark (README.md): grey brushed-metal images with
0-3 defects each of three kinds, written Roboflow-style as COCO JSON, one folder per split:

  OUT/train/_annotations.coco.json + images
  OUT/valid/_annotations.coco.json + images
  OUT/test/_annotations.coco.json  + images

Defects: scratch (thin, elongated line), spot (small round dark disc), dent (soft, low-contrast blob).
A third of the defects (chosen at random) are small: their longer side is under 8 px. Everything is
drawn from one seed, so the same arguments give the same files byte for byte (JPEG quality 95).

Not the set Loupe's tests use (tests/data); run with /usr/bin/python3 (numpy, OpenCV).

  make_data.py OUT [--images 150] [--width 1024] [--height 768] [--split 100,20,30] [--seed 13]
"""

import argparse
import json
import math
import os
import sys

import cv2
import numpy as np

CATEGORIES = ["scratch", "spot", "dent"]


def background(rng, w, h):
    """Brushed metal: a grey level, a linear gradient, streaks along a direction, a soft vignette of
    low-frequency variation, and sensor noise."""
    base = rng.uniform(105, 155)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * math.pi)
    grad = (np.cos(angle) * (xx / w - 0.5) + np.sin(angle) * (yy / h - 0.5)) * rng.uniform(15, 45)
    # Brushing: white noise smeared along x (or y) by a long box filter.
    streak = rng.normal(0, 1, (h, w)).astype(np.float32)
    k = int(rng.integers(25, 80))
    if rng.random() < 0.5:
        streak = cv2.blur(streak, (k, 1))
    else:
        streak = cv2.blur(streak, (1, k))
    streak *= rng.uniform(20, 45) / max(float(streak.std()), 1e-6) * 0.2
    # Low-frequency blotches.
    low = cv2.resize(rng.normal(0, 1, (6, 8)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    low *= rng.uniform(3, 10)
    noise = rng.normal(0, rng.uniform(2.5, 5.0), (h, w)).astype(np.float32)
    return base + grad + streak + low + noise


def draw_scratch(rng, img, small):
    h, w = img.shape
    length = rng.uniform(4, 7.5) if small else rng.uniform(12, 90)
    width = 1 if small or rng.random() < 0.6 else 2
    angle = rng.uniform(0, math.pi)
    dx, dy = math.cos(angle) * length / 2, math.sin(angle) * length / 2
    cx, cy = rng.uniform(length, w - length), rng.uniform(length, h - length)
    x0, y0, x1, y1 = cx - dx, cy - dy, cx + dx, cy + dy
    mask = np.zeros((h, w), np.float32)
    shift = 4  # sub-pixel line end points
    cv2.line(mask, (int(round(x0 * 16)), int(round(y0 * 16))), (int(round(x1 * 16)), int(round(y1 * 16))),
             1.0, width, cv2.LINE_AA, shift)
    sign = 1 if rng.random() < 0.5 else -1
    img += sign * mask * rng.uniform(40, 80)
    return box_of(mask)


def draw_spot(rng, img, small):
    h, w = img.shape
    r = rng.uniform(1.6, 3.6) if small else rng.uniform(4.5, 16)
    cx, cy = rng.uniform(20, w - 20), rng.uniform(20, h - 20)
    mask = np.zeros((h, w), np.float32)
    cv2.circle(mask, (int(round(cx * 16)), int(round(cy * 16))), int(round(r * 16)), 1.0, -1, cv2.LINE_AA, 4)
    mask = cv2.GaussianBlur(mask, (0, 0), 0.6)
    img -= mask * rng.uniform(55, 95)
    return box_of(mask, 0.15)


def draw_dent(rng, img, small):
    h, w = img.shape
    sx = rng.uniform(1.0, 1.7) if small else rng.uniform(5, 20)
    sy = sx * rng.uniform(0.6, 1.6)
    cx, cy = rng.uniform(40, w - 40), rng.uniform(40, h - 40)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    blob = np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2) / 2)
    # Low contrast: a shallow bowl lit from one side (dark half, bright half) and a slight darkening.
    angle = rng.uniform(0, 2 * math.pi)
    side = (np.cos(angle) * (xx - cx) / sx + np.sin(angle) * (yy - cy) / sy)
    contrast = rng.uniform(25, 40) if small else rng.uniform(12, 25)
    img += blob * (side * contrast * 0.6 - contrast * 0.5)
    x0, x1 = cx - 2 * sx, cx + 2 * sx
    y0, y1 = cy - 2 * sy, cy + 2 * sy
    return clip_box(x0, y0, x1, y1, w, h)


def box_of(mask, threshold=0.2):
    ys, xs = np.nonzero(mask > threshold)
    if len(xs) == 0:
        return None
    return [float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)]


def clip_box(x0, y0, x1, y1, w, h):
    x0, y0, x1, y1 = max(0.0, x0), max(0.0, y0), min(float(w), x1), min(float(h), y1)
    return [round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)]


DRAW = [draw_scratch, draw_spot, draw_dent]


def overlaps(box, boxes, margin=6):
    for b in boxes:
        if box[0] < b[2] + margin and b[0] < box[2] + margin and box[1] < b[3] + margin and b[1] < box[3] + margin:
            return True
    return False


def make_image(rng, w, h, small_share):
    img = background(rng, w, h)
    count = int(rng.integers(0, 4))
    objects = []
    tries = 0
    kind = small = None
    while len(objects) < count and tries < 50:
        tries += 1
        if kind is None:  # chosen once per object: a failed draw retries the same kind and size class
            kind = int(rng.integers(0, 3))
            small = rng.random() < small_share
        trial = img.copy()
        box = DRAW[kind](rng, trial, small)
        if box is None or box[2] - box[0] < 2 or box[3] - box[1] < 2:
            continue
        if small and max(box[2] - box[0], box[3] - box[1]) >= 8:
            continue  # drawn too large for a small defect: draw again
        if overlaps(box, [o[1] for o in objects]):
            continue
        img = trial
        objects.append((kind, box))
        kind = None
    img = np.clip(img, 0, 255).astype(np.uint8)
    return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR), objects


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--images", type=int, default=150)
    p.add_argument("--width", type=int, default=1024)
    p.add_argument("--height", type=int, default=768)
    p.add_argument("--split", default="100,20,30", help="train,valid,test image counts (sum = --images)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--small-share", type=float, default=1 / 3, help="share of defects under 8 px")
    args = p.parse_args()
    counts = [int(c) for c in args.split.split(",")]
    if len(counts) != 3 or sum(counts) != args.images:
        sys.exit(f"--split {args.split}: three counts adding up to --images {args.images}")

    rng = np.random.default_rng(args.seed)
    categories = [{"id": i + 1, "name": n, "supercategory": "defect"} for i, n in enumerate(CATEGORIES)]
    image_id = 0
    annotation_id = 0
    stats = {"objects": 0, "small": 0, "per_class": [0, 0, 0]}
    for split, n in zip(["train", "valid", "test"], counts):
        folder = os.path.join(args.out, split)
        os.makedirs(folder, exist_ok=True)
        images, annotations = [], []
        for _ in range(n):
            image_id += 1
            img, objects = make_image(rng, args.width, args.height, args.small_share)
            name = f"{split}_{image_id:04d}.jpg"
            cv2.imwrite(os.path.join(folder, name), img, [cv2.IMWRITE_JPEG_QUALITY, 95])
            images.append({"id": image_id, "file_name": name, "width": args.width, "height": args.height})
            for kind, (x0, y0, x1, y1) in objects:
                annotation_id += 1
                bw, bh = round(x1 - x0, 2), round(y1 - y0, 2)
                annotations.append({"id": annotation_id, "image_id": image_id, "category_id": kind + 1,
                                    "bbox": [x0, y0, bw, bh], "area": round(bw * bh, 2), "iscrowd": 0,
                                    "segmentation": []})
                stats["objects"] += 1
                stats["small"] += max(bw, bh) < 8
                stats["per_class"][kind] += 1
        with open(os.path.join(folder, "_annotations.coco.json"), "w") as f:
            json.dump({"info": {"description": "Loupe detection benchmark, seed %d" % args.seed},
                       "categories": categories, "images": images, "annotations": annotations}, f, indent=1)
    stats["small_share"] = round(stats["small"] / max(stats["objects"], 1), 3)
    stats["per_class"] = dict(zip(CATEGORIES, stats["per_class"]))
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
