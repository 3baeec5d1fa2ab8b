// Run config JSON (a run's config.json, training presets): fromJson, validate, and the round trip.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "project/TrainConfig.h"

#include <QJsonDocument>

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzTrainConfig)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    TrainConfig config;
    try {
        config = TrainConfig::fromJson(doc.object());
    } catch (const DatasetError &) {
        return 0;
    }
    (void)config.validate();
    const QJsonObject written = config.toJson();
    try {
        const TrainConfig again = TrainConfig::fromJson(written);
        LOUPE_FUZZ_CHECK(again.toJson() == written, "toJson/fromJson round trip changes the config");
    } catch (const DatasetError &e) {
        std::fprintf(stderr, "toJson wrote what fromJson refuses: %s\n", e.what());
        LOUPE_FUZZ_FAIL("round trip");
    }
    return 0;
}
