// Internal header: includes LibTorch (through ExportGraph.h); core .cpp files and tests only.
#pragma once

#include "model/ExportGraph.h"

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace loupe {

/// The ONNX operator set the writer targets (ONNX 1.8 and later, OpenCV 4.5 and later read it).
constexpr int kOnnxOpset = 13;

/// Writes a graph as an ONNX model (protobuf, IR version 7): input "image" [batch, C, H, W] float32
/// with a dynamic batch, outputs "logits" and "probabilities" [batch, classes], the weights as
/// initializers and `metadata` as metadata_props. Atomic: a failed write leaves the old file.
/// Returns "" on success, else "cannot write FILE: REASON".
QString writeOnnx(const ExportGraph &graph, const std::vector<std::pair<std::string, std::string>> &metadata,
                  const std::string &producerVersion, const QString &file);

} // namespace loupe
