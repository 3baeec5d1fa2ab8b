#pragma once

// Models out of Loupe: a run's trained classifier as ONNX or TorchScript, with its preprocessing
// recorded in the file, checked by reading it back with another runtime before it is kept.

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace loupe {

enum class ExportFormat { Onnx, TorchScript };

/// A format as the command line and the window offer it.
struct ExportFormatInfo {
    ExportFormat format;
    QString id;      ///< "onnx", "torchscript": the command line's --onnx / --torchscript
    QString name;    ///< "ONNX", "TorchScript"
    QString suffix;  ///< "onnx", "pt"
    QString purpose; ///< one translated sentence: where the file runs
};
std::vector<ExportFormatInfo> exportFormats();
const ExportFormatInfo &exportFormatInfo(ExportFormat format);

/// What exportModel wrote and how it was checked.
struct ExportReport {
    QString file;
    qint64 bytes = 0;
    ExportFormat format = ExportFormat::Onnx;
    QString checkpoint;      ///< the checkpoint exported (best.pt, else last.pt)
    QString arch;
    QStringList classes;
    int channels = 3, height = 0, width = 0;
    QString colourOrder;     ///< "RGB", "BGR" or "grey": the order the input's channels are in
    std::vector<double> mean, stdDev; ///< applied inside the model; empty when the run has no normalize step
    int opset = 0;           ///< ONNX operator set; 0 for TorchScript
    QString checkedWith;     ///< the runtime that read the file back ("OpenCV 4.6.0 DNN", "LibTorch 1.13.0 torch::jit::load")
    double maxDifference = 0; ///< largest |probability difference| from the run's own model, over the check's images
    int checkedImages = 0;
};

/// Stages exportModel reports, each with a translated description.
using ExportProgressFn = std::function<void(const QString &stage)>;

/// Largest difference from the run's own model an exported file may show (probabilities).
constexpr double kExportTolerance = 1e-4;

/// Writes the best (else last) checkpoint of a run as `format` to `file`. The file takes images as
/// float32 [batch, C, H, W], values 8-bit / 255 in the run's channel order, after the run's resize;
/// the run's normalization is inside the model. The file is then read back (OpenCV's DNN module for
/// ONNX, torch::jit::load for TorchScript) and run on images, a batch of 2 and a batch of 1 (so a
/// dynamic batch is proven), against the run's model in float32; a file that differs by more than
/// kExportTolerance is deleted and the call throws.
/// Throws DatasetError for a run folder that cannot be read, std::runtime_error when the file cannot
/// be written or fails its check; an existing `file` is then left as it was.
ExportReport exportModel(const QString &runDir, ExportFormat format, const QString &file,
                         const ExportProgressFn &progress = {});

} // namespace loupe
