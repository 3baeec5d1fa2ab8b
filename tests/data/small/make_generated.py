#!/usr/bin/env python3
"""Writes generated/: images under 8 px on a side in every format the decoder reads (PNG written
byte by byte with the standard library; the other formats converted from it by ImageMagick 6
`convert`, metadata stripped so the bytes repeat). pngsuite/ holds real files from PngSuite."""
import os
import struct
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "generated")


def png(path, width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = []
    for y in range(height):  # a colour ramp, so a decode that loses rows or columns shows
        row = bytearray([0])
        for x in range(width):
            row += bytes([(x * 255) // max(1, width - 1), (y * 255) // max(1, height - 1), 128])
        rows.append(bytes(row))
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    data += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


os.makedirs(OUT, exist_ok=True)
# (width, height, extensions): the sizes a 1/8 decode used to divide to nothing.
SIZES = [
    (1000, 7, ["png", "tif", "webp"]),
    (7, 1000, ["png", "jpg"]),
    (16, 4, ["png", "jpg", "bmp"]),
    (7, 7, ["png", "bmp", "webp", "tif"]),
    (1, 1, ["png", "jpg", "pgm"]),
    (3, 2, ["ppm"]),
]
for width, height, extensions in SIZES:
    source = os.path.join(OUT, "%dx%d.png" % (width, height))
    png(source, width, height)
    for ext in extensions:
        if ext == "png":
            continue
        target = os.path.join(OUT, "%dx%d.%s" % (width, height, ext))
        extra = ["-quality", "90"] if ext in ("jpg", "webp") else []
        subprocess.run(["convert", source, "-strip", *extra, target], check=True)
    if "png" not in extensions:
        os.remove(source)
