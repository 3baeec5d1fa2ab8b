#!/usr/bin/python3
"""Writes the palette PNG fixtures of tst_masks (needs Debian's python3-pil; run with /usr/bin/python3).

Every file is W x H = 9 x 7 and holds index(x, y) = VALUES[(x + 2 * y) % len(VALUES)] for its VALUES;
tst_masks recomputes that and compares it pixel for pixel with what Loupe reads.
  voc.png          8-bit palette of Pascal VOC's colour map (PIL), values 0, 1, 2, 255
  duplicate.png    8-bit palette whose index 3 is black like index 0 (PIL), values 0..3
  bits1.png, bits2.png, bits4.png   PIL's 1-, 2- and 4-bit palette PNGs, values 0..2^bits-1
  adam7_8.png, adam7_2.png          Adam7-interlaced palette PNGs (written here; PIL writes none)
"""
import struct
import zlib

from PIL import Image

W, H = 9, 7


def pattern(values):
    return [[values[(x + 2 * y) % len(values)] for x in range(W)] for y in range(H)]


def voc_palette():
    pal = []
    for i in range(256):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        pal += [r, g, b]
    return pal


def pil_palette(path, values, palette, bits=None):
    im = Image.new("P", (W, H))
    im.putdata([v for row in pattern(values) for v in row])
    im.putpalette(palette)
    if bits:
        im.save(path, bits=bits)
    else:
        im.save(path)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def adam7(path, values, bits, palette):
    rows = pattern(values)
    raw = b""
    for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
        xs, ys = list(range(x0, W, dx)), list(range(y0, H, dy))
        if not xs or not ys:
            continue
        for y in ys:
            acc, n, line = 0, 0, bytearray()
            for x in xs:
                acc = (acc << bits) | rows[y][x]
                n += bits
                if n == 8:
                    line.append(acc)
                    acc, n = 0, 0
            if n:
                line.append(acc << (8 - n))
            raw += b"\x02" + bytes(line)  # filter "up" on every row: the reader must undo it per pass
    # Apply the "up" filter for real, pass by pass (the first row of a pass has no row above).
    out, pos = b"", 0
    for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
        xs, ys = list(range(x0, W, dx)), list(range(y0, H, dy))
        if not xs or not ys:
            continue
        width = (len(xs) * bits + 7) // 8
        prior = bytes(width)
        for _ in ys:
            line = raw[pos + 1:pos + 1 + width]
            out += b"\x02" + bytes((line[i] - prior[i]) & 0xff for i in range(width))
            prior = line
            pos += 1 + width
    ihdr = struct.pack(">IIBBBBB", W, H, bits, 3, 0, 0, 1)
    plte = bytes(palette[:3 * (1 << bits)])
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", plte)
                + chunk(b"IDAT", zlib.compress(out)) + chunk(b"IEND", b""))


voc = voc_palette()
pil_palette("voc.png", [0, 1, 2, 255], voc)
pil_palette("duplicate.png", [0, 1, 2, 3], [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0])
for bits in (1, 2, 4):
    pil_palette("bits%d.png" % bits, list(range(1 << bits)), voc[:3 * (1 << bits)], bits)
adam7("adam7_8.png", [0, 1, 2, 255, 7, 3], 8, voc)
adam7("adam7_2.png", [0, 1, 2, 3], 2, voc)
