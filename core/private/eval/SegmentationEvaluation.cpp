#include "eval/SegmentationEvaluation.h"

#include "dataset/Masks.h"
#include "eval/MaskStitcher.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <memory>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::SegmentationEvaluation)
};

} // namespace

QStringList segmentationClassNames(const QStringList &classes)
{
    QStringList names{QStringLiteral("background")};
    names += classes;
    return names;
}

SegmentationEvalOutput evaluateSegmenter(SegmenterImpl &model, DataLoader &loader, const Dataset &dataset,
                                         const TileSetup &setup, const SegmentationLossSetup &lossSetup,
                                         const StopToken *stop, bool withLoss, const PredictedMaskSink &sink)
{
    SegmentationEvalOutput out;
    const int classes = int(dataset.classes.size()) + 1;
    SegmentationConfusion confusion(classes);
    c10::InferenceMode inference;
    const bool wasTraining = model.is_training();
    model.eval();
    loader.setClassMasks(withLoss);
    loader.startEpoch(0);
    Batch batch;
    double lossSum = 0, ceSum = 0, diceSum = 0;
    qint64 tiles = 0;
    // Tiles of one image arrive together and in order; each image is stitched once its last tile is in.
    std::map<int, std::unique_ptr<MaskStitcher>> pending;
    std::map<int, int> tilesSeen, tilesOf;
    for (int sample : loader.indices())
        ++tilesOf[sample];
    const auto finishImage = [&](int sample) {
        const std::unique_ptr<MaskStitcher> stitcher = std::move(pending[sample]);
        pending.erase(sample);
        cv::Mat predicted = stitcher->labels();
        const cv::Mat uncovered = predicted == MaskStitcher::kUncovered;
        predicted.setTo(0, uncovered);
        const Sample &s = dataset.samples[std::size_t(sample)];
        if (sink)
            sink(sample, predicted);
        const ClassMask truth = readClassMask(dataset, s);
        if (!truth.ok()) {
            out.unreadable.push_back({s.path, truth.error});
            return;
        }
        cv::Mat t = truth.mask;
        if (t.size() != predicted.size())
            cv::resize(t, t, predicted.size(), 0, 0, cv::INTER_NEAREST);
        else
            t = t.clone();
        t.setTo(SegmentationConfusion::kIgnore, uncovered);
        confusion.add(t, predicted);
        const SegmentationMetrics image = imageSegmentationMetrics(t, predicted, classes);
        out.images.push_back(sample);
        out.imageIou.push_back(image.miouForeground);
    };
    while (loader.next(batch)) {
        if (stop && stop->stopRequested()) {
            out.complete = false;
            break;
        }
        const torch::Tensor logits = model.forward(batch.images);
        if (withLoss && batch.masks.defined()) {
            const SegmentationLoss l
                = segmentationLoss(logits, batch.masks, lossSetup.classWeights, lossSetup.dice);
            const double rows = double(batch.images.size(0));
            lossSum += l.total.item<double>() * rows;
            ceSum += l.crossEntropy.item<double>() * rows;
            if (l.dice.defined())
                diceSum += l.dice.item<double>() * rows;
        }
        tiles += batch.images.size(0);
        const torch::Tensor probs = torch::softmax(logits, 1).contiguous();
        const int h = int(probs.size(2)), w = int(probs.size(3));
        for (std::size_t r = 0; r < batch.samples.size(); ++r) {
            const int sample = batch.samples[r];
            QRect region = loader.regions().empty() ? QRect() : loader.regions()[std::size_t(batch.items[r])];
            const QSize size = imageSizeOf(dataset, sample);
            if (region.isEmpty())
                region = QRect(QPoint(0, 0), size);
            auto &stitcher = pending[sample];
            if (!stitcher)
                stitcher = std::make_unique<MaskStitcher>(cv::Size(size.width(), size.height()), classes);
            std::vector<cv::Mat> planes;
            const float *base = probs[std::int64_t(r)].data_ptr<float>();
            for (int c = 0; c < classes; ++c)
                planes.emplace_back(h, w, CV_32F, const_cast<float *>(base + std::size_t(c) * h * w));
            stitcher->add(cv::Rect(region.x(), region.y(), region.width(), region.height()), planes);
            if (++tilesSeen[sample] == tilesOf[sample])
                finishImage(sample);
        }
    }
    loader.stop();
    model.train(wasTraining);
    const double n = double(std::max<qint64>(1, tiles));
    out.loss = tiles > 0 && withLoss ? lossSum / n : std::numeric_limits<double>::quiet_NaN();
    out.crossEntropy = ceSum / n;
    out.dice = diceSum / n;
    out.metrics = confusion.metrics(segmentationClassNames(dataset.classes));
    return out;
}

PredictedMaskWriter::PredictedMaskWriter(QString dir)
    : m_dir(std::move(dir))
{
}

QString PredictedMaskWriter::write(const QString &imagePath, const cv::Mat &predicted)
{
    if (!QDir().mkpath(m_dir))
        return Text::tr("cannot create the folder %1").arg(m_dir);
    const QFileInfo info(imagePath);
    QString name = info.completeBaseName() + QStringLiteral(".png");
    if (m_used.contains(name))
        name = info.dir().dirName() + QLatin1Char('_') + name;
    for (int k = 2; m_used.contains(name); ++k)
        name = QStringLiteral("%1_%2-%3.png").arg(info.dir().dirName(), info.completeBaseName()).arg(k);
    m_used.append(name);
    std::vector<uchar> png;
    try {
        if (!cv::imencode(".png", predicted, png))
            return Text::tr("cannot encode the mask of %1").arg(imagePath);
    } catch (const cv::Exception &e) {
        return Text::tr("cannot encode the mask of %1: %2").arg(imagePath, QString::fromStdString(e.msg));
    }
    const QString file = QDir(m_dir).filePath(name);
    if (QString error = runfolder::writeAtomically(
            file, QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size())));
        !error.isEmpty())
        return error;
    ++m_written;
    return {};
}

} // namespace loupe
