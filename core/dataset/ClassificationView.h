#pragma once

#include "Dataset.h"

namespace loupe {

/// Whether a dataset has labels only on objects (COCO, VOC, YOLO without image classes).
bool hasOnlyObjectLabels(const Dataset &dataset);

/// The same images with one class per image, for training a classifier on a detection dataset:
/// an image takes the class of its largest object, and images without objects form a class of
/// their own ("no object"), listed first. Datasets that already have image classes come back as they are.
Dataset classificationView(const Dataset &dataset);

} // namespace loupe
