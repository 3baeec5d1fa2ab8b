#!/usr/bin/env python3
"""Writes the placeholder images of the YOLO and VOC layout fixtures, at the sizes their label
files declare (VOC <size>) or their origin had (COCO image 9: 640x480). The label files are
real exporters' files (MANIFEST-yolo-voc.md); their repositories omit these images. Needs
ImageMagick 6 `convert`. Run from any directory.
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

IMAGES = [
    ("voc_devkit/VOCdevkit/VOC2012/JPEGImages/000001.jpg", 335, 500),
    ("voc_devkit/VOCdevkit/VOC2012/JPEGImages/2007_000027.jpg", 486, 500),
    ("voc_devkit/VOCdevkit/VOC2012/JPEGImages/2007_000032.jpg", 500, 281),
    ("voc_devkit/VOCdevkit/VOC2012/JPEGImages/2007_000039.jpg", 500, 375),
    ("voc_devkit/VOCdevkit/VOC2007/JPEGImages/000001.jpg", 353, 500),
    ("voc_cvat/JPEGImages/photo_2022-03-20_15-48-44.jpg", 576, 1280),
    ("voc_cvat/JPEGImages/photo_2022-03-20_15-49-20.jpg", 576, 1280),
    ("yolo_v5_coco128/images/train2017/000000000009.jpg", 640, 480),
]

for name, width, height in IMAGES:
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["convert", "-size", f"{width}x{height}", "xc:gray", "-quality", "50", path], check=True)
