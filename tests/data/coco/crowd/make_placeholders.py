#!/usr/bin/env python3
"""Writes grey placeholder images at the sizes annotations/instances_val2017.json declares (the
COCO photos themselves are not redistributed here). Needs ImageMagick 6 `convert`."""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "annotations", "instances_val2017.json"), encoding="utf-8") as f:
    images = json.load(f)["images"]
os.makedirs(os.path.join(HERE, "val2017"), exist_ok=True)
for image in images:
    out = os.path.join(HERE, "val2017", image["file_name"])
    subprocess.run(["convert", "-size", "%dx%d" % (image["width"], image["height"]), "xc:gray50",
                    "-quality", "60", out], check=True)
