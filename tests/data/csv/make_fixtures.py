#!/usr/bin/env python3
"""Regenerates the placeholder images for tst_csv. Needs python3 (stdlib) and ImageMagick `convert`.

The CSV files here are real label files (see MANIFEST.md); their projects do not ship the images,
so each listed image is made as a flat grey JPEG at a size the real images have, in the folder
the dataset keeps them in. The images named in MISSING are left out on purpose: the tests count
them as missing. Run from any directory.
"""
import csv
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

# dataset folder, label file, image folder, column with the name, ending to add, width, height
DATASETS = [
    # Kaggle dog-breed-identification: labels.csv beside train/<id>.jpg (500x375 is the commonest size).
    ("dog-breed", "labels.csv", "train", 0, ".jpg", 500, 375),
    # Kaggle diabetic-retinopathy-detection: trainLabels.csv beside train/<image>.jpeg. The originals
    # are up to 5184x3456; these are at a downscaled size to keep the repository small.
    ("retinopathy", "trainLabels.csv", "train", 0, ".jpeg", 1024, 680),
    # The same layout without a header line, the CSV kept apart in labels/.
    ("retinopathy-headerless", "labels/trainLabels.csv", "train", 0, ".jpeg", 1024, 680),
    # Kaggle cassava-leaf-disease-classification: names with their ending, images in train_images/.
    ("cassava", "train_folds.csv", "train_images", 0, "", 800, 600),
    # HAM10000: image_id without ending, images in HAM10000_images_part_1/ (600x450 dermatoscopic).
    ("ham10000", "HAM10000_metadata.csv", "HAM10000_images_part_1", 1, ".jpg", 600, 450),
]

MISSING = {
    "dog-breed/train/0042188c895a2f14ef64a918ed9c7b64.jpg",
    "cassava/train_images/1001742395.jpg",
}


def has_header(first_row, column):
    return first_row[column] in ("id", "image", "image_id")


def main():
    for folder, label_file, image_folder, column, ending, width, height in DATASETS:
        images = os.path.join(HERE, folder, image_folder)
        shutil.rmtree(images, ignore_errors=True)
        os.makedirs(images)
        with open(os.path.join(HERE, folder, label_file), newline="") as f:
            rows = list(csv.reader(f))
        if has_header(rows[0], column):
            rows = rows[1:]
        for row in rows:
            name = row[column] + ending
            if f"{folder}/{image_folder}/{name}" in MISSING:
                continue
            subprocess.run(["convert", "-size", f"{width}x{height}", "xc:gray50", "-strip", "-quality", "40",
                            os.path.join(images, name)], check=True)


if __name__ == "__main__":
    main()
