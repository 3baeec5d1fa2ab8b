#!/usr/bin/env python3
"""Writes the placeholder images of the layout fixtures at the sizes their label files declare.

The label files come from other projects' test data (see MANIFEST.md), which ship no images or
identical stand-ins; each placeholder here is a plain grey of its own shade so that no two are
byte-identical. Needs python3 (stdlib) and ImageMagick's `convert`. Run from any directory.
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

# (path under this folder, width, height), the size as the label file declares it.
IMAGES = [
    ("coco_own/val2017/fake1.jpg", 800, 800),
    ("coco_own/val2017/fake2.jpg", 800, 800),
    ("coco_own/val2017/fake3.jpg", 800, 800),
    ("coco_splits/train/a.jpg", 10, 5),
    ("coco_splits/val/b.jpg", 5, 10),
    ("coco_images_splits/images/train/a.jpg", 10, 5),
    ("coco_images_splits/images/val/b.jpg", 5, 10),
    ("coco_cvat/images/b.jpg", 5, 10),
    ("labelstudio_coco/images/62a623a0d3cef27a51d3689865e7b08a.jpg", 800, 501),
    ("roboflow_coco/train/train_001.jpg", 10, 5),
    ("roboflow_coco/train/train_002.jpg", 10, 5),
    ("roboflow_coco/val/val_001.jpg", 10, 5),
    # YOLO labels declare no size; these are the size of the source project's own images.
    ("roboflow_yolo/train/images/train_001.jpg", 10, 5),
    ("roboflow_yolo/train/images/train_002.jpg", 10, 5),
    ("roboflow_yolo/val/images/val_001.jpg", 10, 5),
    ("roboflow_voc/train/train_001.jpg", 10, 5),
    ("roboflow_voc/train/train_002.jpg", 10, 5),
    ("roboflow_voc/val/val_001.jpg", 10, 5),
    ("roboflow_createml/train/train_001.jpg", 10, 5),
    ("roboflow_createml/train/train_002.jpg", 10, 5),
    ("roboflow_createml/val/val_001.jpg", 10, 5),
]


def main():
    for i, (name, width, height) in enumerate(IMAGES):
        path = os.path.join(HERE, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shade = 40 + 9 * i
        subprocess.run(["convert", "-size", f"{width}x{height}", f"xc:rgb({shade},{shade},{shade})",
                        "-strip", "-quality", "90", path], check=True)


if __name__ == "__main__":
    main()
