// Internal header: includes LibTorch (through ExportGraph.h); core .cpp files and tests only.
#pragma once

#include "model/ExportGraph.h"

#include <QString>
#include <QStringList>

#include <string>

namespace loupe {

/// The graph as a TorchScript module that torch.jit.load runs in Python and LibTorch with no Loupe
/// code: forward(image) returns the logits; parameters and buffers keep the model's state-dict
/// names (torchvision's), the attribute `classes` lists the class names, and `metadataJson` is
/// stored as the extra file "loupe.json". Does not write anything.
torch::jit::Module makeTorchScriptModule(const ExportGraph &graph, const QStringList &classes);

/// makeTorchScriptModule saved to `file` with `metadataJson` as the extra file "loupe.json".
/// Atomic: a failed write leaves the old file. Returns "" on success, else "cannot write FILE: REASON".
QString writeTorchScript(const ExportGraph &graph, const QStringList &classes, const std::string &metadataJson,
                         const QString &file);

} // namespace loupe
