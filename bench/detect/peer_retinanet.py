#!/usr/bin/python3
"""The peer of `loupe-cli train --task detect` for the detection benchmark (README.md): the same job in
torchvision 0.14 (Debian python3-torchvision, the ATen under Loupe's LibTorch 1.13).

Model: torchvision.models.detection.RetinaNet on
  resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5, returned_layers=[2, 3, 4],
                      extra_blocks=LastLevelP6P7(256, 256), norm_layer=...)
random init, torchvision's default anchors (32-512 px, 3 scales, ratios 0.5/1/2) unless --anchor-sizes.
torchvision's default norm_layer is FrozenBatchNorm2d, which with random init is no normalisation at
all (weight 1, bias 0, mean 0, variance 1); --norm batch (the default) trains torch.nn.BatchNorm2d as
a backbone trained from scratch needs (and as Loupe's does). --norm frozen keeps torchvision's default.

Tiles: each image is cut into R x C tiles overlapping by --tile-overlap pixels with the rule of Loupe's
TileGrid (core/imaging/Tiling.h): tile side = ceil((L + (n-1)*overlap) / n), tiles start every
(side - overlap) pixels, the last one shifted to end on the image's edge. A box is clipped to a tile and
dropped from that tile's targets when it keeps under half of its area (kTileMinKeptArea). Each tile is
resized to N x N (bilinear) and given to the model as it is: min_size = max_size = N and the
transform's resize replaced by the identity, so torchvision does not resize again; ImageNet mean/std.

Training: Adam, --lr, --batch tiles a step, --epochs, horizontal flip with p = --hflip, DataLoader with
--workers processes, torch.set_num_threads(--threads). Reports tiles/s (first batch request to the last
optimizer step of each epoch).

Inference (whole images, tiled): for every test image, decode, cut, resize, predict every tile in one
batch, map boxes back to the image, merge with per-class NMS at IoU 0.5 (torchvision batched_nms), keep
the 100 best. images/s = test images / seconds of that loop (decode included). The detections are written
as a COCO results file (--results) for bench/detect/coco_score.py.

Prints one JSON line on stdout. Run with /usr/bin/python3.
"""

import argparse
import contextlib
import json
import math
import os
import sys
import time

import cv2
import numpy as np
import torch
import torchvision
from torchvision.models.detection import RetinaNet
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.backbone_utils import BackboneWithFPN, resnet_fpn_backbone
from torchvision.ops import batched_nms
from torchvision.ops.feature_pyramid_network import ExtraFPNBlock, LastLevelP6P7

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
MIN_KEPT_AREA = 0.5


def layout_axis(start, length, n, overlap):
    """Loupe's layoutAxis (core/imaging/Tiling.cpp): (tile size, tile starts)."""
    if n == 1:
        return length, [start]
    t = (length + (n - 1) * overlap + n - 1) // n
    step = t - overlap
    if n > length or step <= 0 or t > length or length - t <= (n - 2) * step:
        raise ValueError(f"{n} tiles with {overlap} px overlap do not fit {length} px")
    return t, [start + i * step for i in range(n - 1)] + [start + length - t]


def tile_grid(width, height, rows, cols, overlap):
    """Tiles (x, y, w, h), row by row, as Loupe's TileGrid lays them out over the whole image."""
    tw, xs = layout_axis(0, width, cols, overlap)
    th, ys = layout_axis(0, height, rows, overlap)
    return [(x, y, tw, th) for y in ys for x in xs]


def read_split(data, split):
    path = os.path.join(data, split, "_annotations.coco.json")
    with open(path) as f:
        coco = json.load(f)
    cats = sorted(c["id"] for c in coco["categories"])
    boxes = {im["id"]: [] for im in coco["images"]}
    for a in coco["annotations"]:
        if a.get("iscrowd", 0):
            continue
        x, y, w, h = a["bbox"]
        boxes[a["image_id"]].append((x, y, x + w, y + h, cats.index(a["category_id"])))
    images = [{"id": im["id"], "path": os.path.join(data, split, im["file_name"]), "width": im["width"],
               "height": im["height"], "boxes": boxes[im["id"]]} for im in coco["images"]]
    return coco, cats, images


def decode(path):
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise RuntimeError(f"cannot decode {path}")
    return cv2.cvtColor(img, cv2.COLOR_BGR2RGB)


def to_tensor(rgb):
    return torch.from_numpy(rgb).permute(2, 0, 1).float().div_(255)


class TileDataset(torch.utils.data.Dataset):
    def __init__(self, images, rows, cols, overlap, size, hflip):
        self.items = []
        for im in images:
            for k, tile in enumerate(tile_grid(im["width"], im["height"], rows, cols, overlap)):
                self.items.append((im, tile))
        self.size = size
        self.hflip = hflip

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        im, (tx, ty, tw, th) = self.items[i]
        rgb = decode(im["path"])[ty:ty + th, tx:tx + tw]
        rgb = cv2.resize(rgb, (self.size, self.size), interpolation=cv2.INTER_LINEAR)
        sx, sy = self.size / tw, self.size / th
        boxes, labels = [], []
        for x0, y0, x1, y1, c in im["boxes"]:
            cx0, cy0, cx1, cy1 = max(x0, tx), max(y0, ty), min(x1, tx + tw), min(y1, ty + th)
            if cx1 <= cx0 or cy1 <= cy0:
                continue
            if (cx1 - cx0) * (cy1 - cy0) < MIN_KEPT_AREA * (x1 - x0) * (y1 - y0):
                continue
            boxes.append([(cx0 - tx) * sx, (cy0 - ty) * sy, (cx1 - tx) * sx, (cy1 - ty) * sy])
            labels.append(c)
        boxes = torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4)
        if self.hflip > 0 and torch.rand(()) < self.hflip:
            rgb = np.ascontiguousarray(rgb[:, ::-1])
            boxes = torch.stack([self.size - boxes[:, 2], boxes[:, 1], self.size - boxes[:, 0], boxes[:, 3]], 1)
        return to_tensor(rgb), {"boxes": boxes, "labels": torch.tensor(labels, dtype=torch.int64)}


def collate(batch):
    return [b[0] for b in batch], [b[1] for b in batch]


class ExtraLevels(ExtraFPNBlock):
    """Pyramid levels past the backbone's as Loupe builds them: a stride-2 3x3 convolution of the last
    level, then of the ReLU of each new one."""

    def __init__(self, channels, count):
        super().__init__()
        self.convs = torch.nn.ModuleList(torch.nn.Conv2d(channels, channels, 3, 2, 1) for _ in range(count))
        for c in self.convs:
            torch.nn.init.kaiming_uniform_(c.weight, a=1)
            torch.nn.init.constant_(c.bias, 0)

    def forward(self, p, c, names):
        x = p[-1]
        for i, conv in enumerate(self.convs):
            x = conv(x if i == 0 else torch.nn.functional.relu(x))
            p.append(x)
            names.append(f"extra{i}")
        return p, names


def build_like_loupe(args, num_classes, norm):
    """The architecture a Loupe run recorded in its config.json ("detection": pyramid_channels, head_convs,
    anchors with strides, sizes, scales and ratios), built from torchvision's parts: the same backbone
    levels, pyramid width, head depth, extra levels and anchor shapes."""
    with open(args.like_loupe) as f:
        det = json.load(f)["detection"]
    channels, convs = int(det["pyramid_channels"]), int(det["head_convs"])
    a = det["anchors"]
    strides = [int(v) for v in a["strides"]]
    body = torchvision.models.resnet18(weights=None, norm_layer=norm)
    stage = {4: "layer1", 8: "layer2", 16: "layer3", 32: "layer4"}
    stage_channels = {4: 64, 8: 128, 16: 256, 32: 512}
    levels = [s for s in strides if s <= 32]
    backbone = BackboneWithFPN(body, {stage[s]: str(i) for i, s in enumerate(levels)},
                               [stage_channels[s] for s in levels], channels,
                               extra_blocks=ExtraLevels(channels, len(strides) - len(levels)))
    sizes = tuple(tuple(float(size) * float(sc) for sc in a["scales"]) for size in a["sizes"])
    ratios = tuple(float(r) for r in a["ratios"])
    anchor_generator = AnchorGenerator(sizes, (ratios,) * len(sizes))
    model = RetinaNet(backbone, num_classes=num_classes, min_size=args.image_size, max_size=args.image_size,
                      image_mean=MEAN, image_std=STD, anchor_generator=anchor_generator,
                      score_thresh=args.score_thresh, nms_thresh=0.5, detections_per_img=args.detections,
                      topk_candidates=1000)
    for head in (model.head.classification_head, model.head.regression_head):
        tower = []
        for _ in range(convs):
            conv = torch.nn.Conv2d(channels, channels, 3, 1, 1)
            torch.nn.init.normal_(conv.weight, std=0.01)
            torch.nn.init.constant_(conv.bias, 0)
            tower += [conv, torch.nn.ReLU(inplace=True)]
        head.conv = torch.nn.Sequential(*tower)
    return model


def build_model(args, num_classes):
    norm = torch.nn.BatchNorm2d if args.norm == "batch" else torchvision.ops.misc.FrozenBatchNorm2d
    if args.like_loupe:
        model = build_like_loupe(args, num_classes, norm)
        model.transform.resize = lambda image, target=None: (image, target)
        return model
    backbone = resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5,
                                   returned_layers=[2, 3, 4], extra_blocks=LastLevelP6P7(256, 256), norm_layer=norm)
    anchor_generator = None
    if args.anchor_sizes:
        # One size group per pyramid level (P3..P7), as torchvision's default: "s,s,s;..." or "a,b,c" (one
        # size per level).
        groups = [tuple(float(s) for s in g.split(",")) for g in args.anchor_sizes.split(";")]
        if len(groups) == 1 and len(groups[0]) == 5:
            groups = [(s,) for s in groups[0]]
        ratios = tuple(float(r) for r in args.anchor_ratios.split(","))
        anchor_generator = AnchorGenerator(tuple(groups), (ratios,) * len(groups))
    model = RetinaNet(backbone, num_classes=num_classes, min_size=args.image_size, max_size=args.image_size,
                      image_mean=MEAN, image_std=STD, anchor_generator=anchor_generator,
                      score_thresh=args.score_thresh, nms_thresh=0.5, detections_per_img=args.detections,
                      topk_candidates=1000)
    # Tiles arrive at N x N already: no second resize (torchvision would interpolate even at scale 1).
    model.transform.resize = lambda image, target=None: (image, target)
    return model


def autocast(args):
    return torch.autocast("cpu", dtype=torch.bfloat16) if args.precision == "bf16" else contextlib.nullcontext()


def train(model, images, args, log):
    dataset = TileDataset(images, args.rows, args.cols, args.tile_overlap, args.image_size, args.hflip)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=True, num_workers=args.workers,
                                         collate_fn=collate, persistent_workers=args.workers > 0)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    epochs = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.perf_counter()
        seen = steps = 0
        sums = {}
        for tiles, targets in loader:
            optimizer.zero_grad()
            with autocast(args):
                losses = model(tiles, targets)
            loss = sum(v.float() for v in losses.values())
            if not math.isfinite(float(loss)):
                sys.exit(f"peer: the loss is {float(loss)} at epoch {epoch}, step {steps + 1}")
            loss.backward()
            optimizer.step()
            seen += len(tiles)
            steps += 1
            for k, v in losses.items():
                sums[k] = sums.get(k, 0.0) + float(v)
            if args.max_steps and steps >= args.max_steps:
                break
        seconds = time.perf_counter() - start
        record = {"epoch": epoch, "tiles": seen, "seconds": round(seconds, 3),
                  "tiles_per_s": round(seen / seconds, 2)}
        record.update({k: round(v / steps, 5) for k, v in sums.items()})
        epochs.append(record)
        log(record)
    return epochs


@torch.no_grad()
def predict(model, images, cats, args):
    model.eval()
    results = []
    start = time.perf_counter()
    for im in images:
        rgb = decode(im["path"])
        tiles = tile_grid(rgb.shape[1], rgb.shape[0], args.rows, args.cols, args.tile_overlap)
        batch = [to_tensor(cv2.resize(rgb[y:y + h, x:x + w], (args.image_size, args.image_size),
                                      interpolation=cv2.INTER_LINEAR)) for x, y, w, h in tiles]
        with autocast(args):
            outputs = model(batch)
        boxes, scores, labels = [], [], []
        for (x, y, w, h), out in zip(tiles, outputs):
            b = out["boxes"].float()
            scale = torch.tensor([w / args.image_size, h / args.image_size] * 2)
            boxes.append(b * scale + torch.tensor([x, y, x, y], dtype=torch.float32))
            scores.append(out["scores"].float())
            labels.append(out["labels"])
        boxes, scores, labels = torch.cat(boxes), torch.cat(scores), torch.cat(labels)
        keep = batched_nms(boxes, scores, labels, 0.5)[:100]
        for i in keep.tolist():
            x0, y0, x1, y1 = boxes[i].tolist()
            results.append({"image_id": im["id"], "category_id": cats[int(labels[i])],
                            "bbox": [round(x0, 3), round(y0, 3), round(x1 - x0, 3), round(y1 - y0, 3)],
                            "score": round(float(scores[i]), 6)})
    seconds = time.perf_counter() - start
    return results, seconds


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", help="folder with train/ and test/, each holding _annotations.coco.json")
    p.add_argument("--tiles", default="2x2", help="RxC")
    p.add_argument("--tile-overlap", type=int, default=32)
    p.add_argument("--image-size", type=int, default=384)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--max-steps", type=int, default=0, help="stop each epoch after this many steps (0: all)")
    p.add_argument("--hflip", type=float, default=0.5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--norm", choices=["batch", "frozen"], default="batch")
    p.add_argument("--anchor-sizes", default="", help="e.g. '8,16,32,64,128' (one per level P3-P7)")
    p.add_argument("--anchor-ratios", default="0.5,1.0,2.0")
    p.add_argument("--score-thresh", type=float, default=0.05)
    p.add_argument("--detections", type=int, default=100, help="per tile, after the tile's NMS")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--like-loupe", metavar="CONFIG",
                   help="a Loupe run's config.json: build the architecture it recorded (pyramid width, head "
                        "depth, levels, anchors) from torchvision's parts instead of torchvision's RetinaNet")
    p.add_argument("--results", help="write the test detections here (COCO results format)")
    p.add_argument("--test-split", default="test")
    args = p.parse_args()
    args.rows, args.cols = (int(v) for v in args.tiles.lower().replace("×", "x").split("x"))

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    def log(record):
        print(json.dumps(record), file=sys.stderr, flush=True)

    _, cats, train_images = read_split(args.data, "train")
    model = build_model(args, len(cats))
    epochs = train(model, train_images, args, log)
    tiles = sum(e["tiles"] for e in epochs)
    seconds = sum(e["seconds"] for e in epochs)
    result = {"tool": "peer-retinanet", "torch": torch.__version__, "torchvision": torchvision.__version__,
              "threads": torch.get_num_threads(), "precision": args.precision, "norm": args.norm,
              "architecture": "like " + args.like_loupe if args.like_loupe else "torchvision RetinaNet",
              "tiles": args.tiles, "image_size": args.image_size, "epochs": epochs,
              "train_tiles_per_s": round(tiles / seconds, 2)}
    if args.results:
        _, test_cats, test_images = read_split(args.data, args.test_split)
        if test_cats != cats:
            sys.exit("the test split's categories differ from the training split's")
        detections, seconds = predict(model, test_images, cats, args)
        with open(args.results, "w") as f:
            json.dump(detections, f)
        result.update({"test_images": len(test_images), "inference_seconds": round(seconds, 3),
                       "inference_images_per_s": round(len(test_images) / seconds, 3),
                       "detections": len(detections)})
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
