#pragma once

#include <QList>
#include <QString>

namespace loupe {

/// A weights file in PyTorch's hub cache, where torchvision keeps what it downloads
/// (`resnet18-f37072fd.pth` and the like), with what it is.
struct HubWeightsFile {
    QString path;
    QString arch;        ///< the Loupe backbone it initialises, or empty when none fits
    QString description; ///< one line for the user, e.g. "torchvision ResNet-18, ImageNet-1k"
};

/// PyTorch's hub checkpoint folder: $TORCH_HOME/hub/checkpoints, else
/// $XDG_CACHE_HOME/torch/hub/checkpoints, else ~/.cache/torch/hub/checkpoints.
QString torchHubCheckpointDir();

/// The *.pth / *.pt files in that folder, by name, each described from torchvision's file names.
QList<HubWeightsFile> torchHubWeights();

/// What a file in the hub folder is, from its name alone.
HubWeightsFile describeHubWeights(const QString &path);

} // namespace loupe
