// Augmentation pipeline JSON: fromJson, the toJson round trip, then every derived pipeline applied
// to small colour and grey images with objects, as the augmentation page and the trainer do.
#include "FuzzUtil.h"

#include "augment/Pipeline.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <opencv2/core.hpp>

using namespace loupe;

namespace {

// Output sizes up to 16384 are a documented range, but 16384² floats exceed the fuzzer's memory
// limit by design; such pipelines are parsed and round-tripped, not applied.
bool smallOutputs(const QByteArray &json)
{
    const QJsonArray steps = QJsonDocument::fromJson(json).object().value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &s : steps) {
        const QJsonObject o = s.toObject();
        for (const char *key : {"width", "height"})
            if (o.value(QLatin1String(key)).toDouble() > 512)
                return false;
    }
    return true;
}

void applyTo(const Pipeline &p, const cv::Mat &image, const std::vector<Annotation> &objects)
{
    try {
        std::vector<AppliedStep> applied;
        const AugmentedImage out = p.apply(image, objects, 7, &applied);
        LOUPE_FUZZ_CHECK(applied.size() == p.steps().size(), "one applied record per step");
        LOUPE_FUZZ_CHECK(!out.image.empty(), "pipeline output is empty");
        for (const Annotation &a : out.objects)
            LOUPE_FUZZ_CHECK(fuzz::finite(a.box), "object box not finite after augmentation");
        const cv::Mat shown = p.toDisplay(out.image);
        LOUPE_FUZZ_CHECK(shown.empty() || shown.depth() == CV_8U, "display image is not 8-bit");
    } catch (const PipelineError &) {
    }
}

} // namespace

LOUPE_FUZZ_TARGET(fuzzPipeline)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    Pipeline pipeline;
    try {
        pipeline = Pipeline::fromJson(json);
    } catch (const PipelineError &) {
        return 0;
    }
    const QByteArray written = pipeline.toJson();
    Pipeline again;
    try {
        again = Pipeline::fromJson(written);
    } catch (const PipelineError &e) {
        std::fprintf(stderr, "toJson wrote what fromJson refuses: %s\n%s\n", e.what(), written.constData());
        LOUPE_FUZZ_FAIL("round trip");
    }
    LOUPE_FUZZ_CHECK(again.toJson() == written, "toJson/fromJson round trip changes the pipeline");
    if (!smallOutputs(written))
        return 0;

    cv::Mat colour(24, 32, CV_8UC3);
    cv::randu(colour, 0, 256);
    cv::Mat grey(17, 9, CV_8UC1, cv::Scalar(90));
    Annotation box;
    box.classId = 0;
    box.box = QRectF(3, 4, 10, 8);
    Annotation poly;
    poly.classId = 1;
    poly.polygons.push_back({1, 1, 20, 2, 12, 18});
    poly.box = QRectF(1, 1, 19, 17);
    const std::vector<Annotation> objects{box, poly};

    applyTo(pipeline, colour, objects);
    applyTo(pipeline, grey, objects);
    applyTo(pipeline.evaluationPipeline(), colour, objects);
    try {
        for (const Pipeline &tile : pipeline.evaluationTiles())
            applyTo(tile, grey, {});
    } catch (const PipelineError &) {
    }
    return 0;
}
