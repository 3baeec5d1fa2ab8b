#!/usr/bin/env python3
"""Makes the compressed RLE in instances.json the way pycocotools does (rleEncode + rleToString),
using only the standard library, and prints the area and box the test expects."""

H, W = 30, 40  # images/a.png is 40 x 30


def on(x, y):
    return (5 <= x <= 14 and 3 <= y <= 22) or x == 20 or (x == 21 and y <= 4)


def encode(h, w, pixel):
    counts, cur, run = [], 0, 0
    for x in range(w):          # column-major, as COCO stores masks
        for y in range(h):
            v = 1 if pixel(x, y) else 0
            if v != cur:
                counts.append(run)
                cur, run = v, 0
            run += 1
    counts.append(run)
    return counts


def to_string(counts):
    s = []
    for i, c in enumerate(counts):
        x = c - counts[i - 2] if i > 2 else c
        more = True
        while more:
            ch = x & 0x1f
            x >>= 5
            more = (x != -1) if (ch & 0x10) else (x != 0)
            if more:
                ch |= 0x20
            s.append(chr(ch + 48))
    return ''.join(s)


counts = encode(H, W, on)
area = sum(counts[1::2])
xs = [x for x in range(W) for y in range(H) if on(x, y)]
ys = [y for x in range(W) for y in range(H) if on(x, y)]
print('counts', counts)
print('string', to_string(counts))
print('area', area, 'box', min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
