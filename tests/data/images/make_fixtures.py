#!/usr/bin/env python3
"""Regenerates the image fixtures for tst_imaging. Needs python3 (stdlib) and ImageMagick 6 `convert`.

PNG variants are written byte by byte so their pixel values are exact; the rest come from
ImageMagick so they are what real encoders produce. Run from any directory.
"""
import os
import struct
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def convert(*args):
    subprocess.run(["convert", *args], check=True)


def png(name, width, height, bit_depth, colour_type, rows, plte=None):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0))
    if plte:
        out += chunk(b"PLTE", b"".join(bytes(c) for c in plte))
    out += chunk(b"IDAT", zlib.compress(raw))
    out += chunk(b"IEND", b"")
    with open(path(name), "wb") as f:
        f.write(out)


def jpeg_segments(data):
    """Yields (offset, marker, total length) of the segments before the first SOS."""
    pos = 2
    while pos + 4 <= len(data):
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        yield pos, marker, 2 + length
        if marker == 0xDA:
            return
        pos += 2 + length


def exif_with_thumbnail(main, thumb):
    """APP1 Exif block: IFD0 (empty) -> IFD1 holding the JPEG thumbnail, as cameras write it."""
    tiff = bytearray(b"II*\x00" + struct.pack("<I", 8))
    tiff += struct.pack("<H", 0) + struct.pack("<I", 14)  # IFD0: no entries, next IFD at 14
    thumb_offset = 14 + 2 + 2 * 12 + 4
    tiff += struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 0x0201, 4, 1, thumb_offset)  # JPEGInterchangeFormat
    tiff += struct.pack("<HHII", 0x0202, 4, 1, len(thumb))  # JPEGInterchangeFormatLength
    tiff += struct.pack("<I", 0)
    tiff += thumb
    payload = b"Exif\x00\x00" + bytes(tiff)
    app1 = b"\xff\xe1" + struct.pack(">H", 2 + len(payload)) + payload
    # Drop JFIF APP0 from the main image: Exif files start with APP1.
    body = bytearray(main[:2])
    rest_start = 2
    for offset, marker, length in jpeg_segments(main):
        if marker == 0xE0:
            rest_start = offset + length
        break
    return bytes(body) + app1 + main[rest_start:]


def main():
    # Good files of every supported format, odd sizes so rows need padding.
    convert("-size", "64x48", "gradient:red-blue", "-quality", "85", path("good.jpg"))
    convert("-size", "33x17", "gradient:green-yellow", "-depth", "8", path("good.png"))
    convert("-size", "33x17", "gradient:green-yellow", "BMP3:" + path("good.bmp"))
    convert("-size", "21x13", "gradient:green-yellow", "BMP2:" + path("good_core.bmp"))
    convert("-size", "37x21", "gradient:white-black", "-compress", "none", path("good.tif"))
    convert("-size", "37x21", "gradient:white-black", "-endian", "MSB", path("good_be.tif"))
    convert("-size", "45x23", "gradient:cyan-red", "-quality", "80", path("good.webp"))
    convert("-size", "45x23", "gradient:cyan-red", "-define", "webp:lossless=true", path("good_lossless.webp"))
    convert("-size", "45x23", "gradient:cyan-red", "-alpha", "set", "-channel", "A", "-evaluate", "set", "50%",
            "+channel", path("good_alpha.webp"))
    convert("-size", "23x9", "gradient:white-black", "-compress", "none", path("good_ascii.ppm"))
    convert("-size", "23x9", "gradient:white-black", "-monochrome", path("good.pbm"))

    # Binary PGM whose header has comments between every field.
    with open(path("good.pgm"), "wb") as f:
        f.write(b"P5\n# made by make_fixtures.py\n31 # width\n19\n# max value next\n255\n")
        f.write(bytes((x * 8 + y) % 256 for y in range(19) for x in range(31)))

    # 16-bit RGB: every value is v*257 so the 8-bit result is exactly v.
    values = [(0, 0, 0), (10, 100, 200), (255, 128, 1)]
    row = b"".join(struct.pack(">HHH", r * 257, g * 257, b * 257) for r, g, b in values)
    png("rgb16.png", 3, 2, 16, 2, [row, row])

    # Grey + alpha: grey values 0, 90, 200, 255 with varying alpha.
    png("grey_alpha.png", 4, 1, 8, 4, [bytes([0, 255, 90, 128, 200, 0, 255, 255])])

    # Palette: indices 0..3 into red, green, blue, white (RGB order in PLTE).
    plte = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]
    png("palette.png", 4, 2, 8, 3, [bytes([0, 1, 2, 3]), bytes([3, 2, 1, 0])], plte)

    # CMYK JPEG (ImageMagick writes an Adobe APP14 marker, inverted CMYK as Photoshop does).
    convert("-size", "16x16", "xc:rgb(200,40,40)", "-colorspace", "CMYK", "-quality", "95", path("cmyk.jpg"))

    # JPEG whose APP1 Exif carries a thumbnail with its own SOI..EOI before the main frame.
    convert("-size", "96x64", "gradient:orange-purple", "-quality", "85", path("_main.jpg"))
    convert("-size", "24x16", "gradient:orange-purple", "-quality", "60", "-strip", path("_thumb.jpg"))
    with open(path("_main.jpg"), "rb") as f:
        main_jpeg = f.read()
    with open(path("_thumb.jpg"), "rb") as f:
        thumb_jpeg = f.read()
    with open(path("exif_thumb.jpg"), "wb") as f:
        f.write(exif_with_thumbnail(main_jpeg, thumb_jpeg))
    os.remove(path("_main.jpg"))
    os.remove(path("_thumb.jpg"))


if __name__ == "__main__":
    main()
