#!/usr/bin/python3
"""Rebuilds, from a run's config.json alone, the tensor Loupe's evaluation feeds the model.

Reads the "preprocessing" object the trainer writes (decode rules, the resize with the interpolation
it resolved to, value scale, mean/std, channel order, layout) and applies it with Pillow, NumPy and
PyTorch, no OpenCV: what outside code would do to reproduce Loupe's predictions. Covers the
evaluation pipelines made of a resize (stretched or letterboxed; linear, area, nearest or cubic)
and a normalize step; any other step is named and refused.

    reproduce_eval_input.py RUN/config.json IMAGE... [--out FILE.f32] [--compare FILE.f32]

--out writes the tensors as raw float32, N x C x H x W. --compare reads Loupe's own tensors in the
same form and prints, per image, the largest difference; an image matches when every value is
within one 8-bit level (1 / 255 / std) of Loupe's, the width of a rounding difference between
OpenCV's fixed-point resize and a float one. Exit 0 when every image matches, 1 when one does not,
2 on unusable input. Run it with /usr/bin/python3 (Debian's python3-torch).
"""

import argparse
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def decode(path, channels):
    """8-bit pixels as Loupe decodes them: EXIF orientation ignored, alpha dropped, H x W x C, RGB."""
    image = Image.open(path)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # Loupe divides 16-bit values by 257 and rounds.
        values = np.asarray(image, dtype=np.float64)
        image = Image.fromarray(np.clip(np.rint(values / 257.0), 0, 255).astype(np.uint8), "L")
    image = image.convert("L" if channels == 1 else "RGB")
    pixels = np.asarray(image, dtype=np.uint8)
    return pixels[:, :, None] if pixels.ndim == 2 else pixels


def area_weights(inp, out):
    """out x inp matrix: output pixel i averages input [i*s, (i+1)*s), s = inp/out, partial pixels by fraction."""
    scale = inp / out
    w = np.zeros((out, inp))
    for i in range(out):
        start, end = i * scale, (i + 1) * scale
        for j in range(int(np.floor(start)), min(inp, int(np.ceil(end)))):
            w[i, j] = max(0.0, min(end, j + 1) - max(start, j))
    return w / scale


def resample(pixels, width, height, interpolation):
    """pixels H x W x C uint8 to height x width x C uint8 with OpenCV's rule of that name."""
    h, w = pixels.shape[:2]
    if (w, h) == (width, height):
        return pixels
    if interpolation == "area":
        if width > w or height > h:
            raise ValueError("area resampling while enlarging is OpenCV-specific; not reproduced here")
        ay, ax = area_weights(h, height), area_weights(w, width)
        out = np.einsum("yh,hwc,xw->yxc", ay, pixels.astype(np.float64), ax)
        return np.clip(np.rint(out), 0, 255).astype(np.uint8)
    t = torch.from_numpy(pixels.astype(np.float32)).permute(2, 0, 1)[None]
    if interpolation == "linear":
        t = F.interpolate(t, size=(height, width), mode="bilinear", align_corners=False)
    elif interpolation == "cubic":
        t = F.interpolate(t, size=(height, width), mode="bicubic", align_corners=False)
    elif interpolation == "nearest":
        t = F.interpolate(t, size=(height, width), mode="nearest")
    else:
        raise ValueError(f"interpolation {interpolation!r} is not one this script knows")
    out = t[0].permute(1, 2, 0).numpy()
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def resolved(step, w, h, nw, nh):
    name = step.get("interpolation", "auto")
    if name != "auto":
        return name
    return "area" if nw <= w and nh <= h else "linear"


def apply_resize(pixels, step):
    h, w = pixels.shape[:2]
    width, height = step["width"], step["height"]
    if not step.get("keep_aspect", False):
        return resample(pixels, width, height, resolved(step, w, h, width, height))
    s = min(width / w, height / h)
    nw = min(max(int(np.floor(w * s + 0.5)), 1), width)
    nh = min(max(int(np.floor(h * s + 0.5)), 1), height)
    canvas = np.full((height, width, pixels.shape[2]), np.uint8(round(step.get("pad_value", 0))), np.uint8)
    x, y = (width - nw) // 2, (height - nh) // 2
    canvas[y:y + nh, x:x + nw] = resample(pixels, nw, nh, resolved(step, w, h, nw, nh))
    return canvas


def eval_input(path, pre):
    size = pre["input"]["width"], pre["input"]["height"]
    channels = pre["input"]["channels"]
    pixels = decode(path, channels)
    if pre["decode"]["reduced_decode"]["images"] > 0:
        raise ValueError("the run decoded some files at reduced scale (DCT scaling); not reproduced here")
    for step in pre["steps"]:
        if step["type"] == "resize":
            pixels = apply_resize(pixels, step)
        elif step["type"] != "normalize":
            raise ValueError(f"step {step['type']!r} is not reproduced by this script")
    if pixels.shape[1] != size[0] or pixels.shape[0] != size[1]:
        pixels = resample(pixels, size[0], size[1], "area")  # the loader's final resize
    values = pixels.astype(np.float64) / 255.0
    if pre["colour_order"] == "BGR":
        values = values[:, :, ::-1]
    mean = np.asarray(pre["mean"], dtype=np.float64)
    std = np.asarray(pre["std"], dtype=np.float64)
    values = ((values - mean) / std).astype(np.float32)
    return np.ascontiguousarray(values.transpose(2, 0, 1))  # CHW


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config")
    parser.add_argument("images", nargs="+")
    parser.add_argument("--out")
    parser.add_argument("--compare")
    args = parser.parse_args()
    with open(args.config) as f:
        config = json.load(f)
    pre = config.get("preprocessing")
    if not isinstance(pre, dict):
        print(f"{args.config} has no \"preprocessing\" object (written by Loupe runs since it was added)",
              file=sys.stderr)
        return 2
    try:
        tensors = np.stack([eval_input(p, pre) for p in args.images])
    except (OSError, ValueError) as e:
        print(f"cannot reproduce: {e}", file=sys.stderr)
        return 2
    if args.out:
        tensors.tofile(args.out)
    if not args.compare:
        return 0
    loupe = np.fromfile(args.compare, dtype=np.float32)
    if loupe.size != tensors.size:
        print(f"{args.compare} holds {loupe.size} values, expected {tensors.size}", file=sys.stderr)
        return 2
    loupe = loupe.reshape(tensors.shape)
    level = 1.0 / 255.0 / float(np.min(pre["std"])) + 1e-5
    matched = 0
    for path, ours, theirs in zip(args.images, tensors, loupe):
        diff = float(np.max(np.abs(ours - theirs)))
        exact = float(np.mean(ours == theirs))
        ok = diff <= level
        matched += ok
        print(f"{'match' if ok else 'DIFFERS'} {path}: largest difference {diff:.6f}, {exact:.1%} of values equal")
    print(f"{matched} of {len(args.images)} images match (interpolation {pre['interpolation']})")
    return 0 if matched == len(args.images) else 1


if __name__ == "__main__":
    sys.exit(main())
