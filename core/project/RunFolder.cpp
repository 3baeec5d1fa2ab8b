#include "project/RunFolder.h"

#include "AtomicFile.h"
#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace loupe::runfolder {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunFolder)
};
} // namespace

QString configPath(const QString &runDir)
{
    return runDir + QStringLiteral("/config.json");
}
QString metricsPath(const QString &runDir)
{
    return runDir + QStringLiteral("/metrics.jsonl");
}
QString lastCheckpointPath(const QString &runDir)
{
    return runDir + QStringLiteral("/checkpoints/last.pt");
}
QString bestCheckpointPath(const QString &runDir)
{
    return runDir + QStringLiteral("/checkpoints/best.pt");
}
QString predictionsPath(const QString &runDir)
{
    return runDir + QStringLiteral("/predictions.csv");
}

QString writeAtomically(const QString &file, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    return writeFileAtomically(file, bytes);
}

QString writeConfig(const QString &runDir, const QJsonObject &config)
{
    return writeAtomically(configPath(runDir), QJsonDocument(config).toJson(QJsonDocument::Indented));
}

QJsonObject readConfig(const QString &runDir)
{
    QFile f(configPath(runDir));
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(Text::tr("%1 is not a Loupe run folder: no readable config.json").arg(runDir));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw LabelFileError(configPath(runDir), Text::tr("byte %1").arg(error.offset),
                             Text::tr("expected a JSON object (%1)").arg(error.errorString()));
    return doc.object();
}

QJsonObject metricsToJson(const EpochMetrics &m)
{
    QJsonObject o{{QStringLiteral("epoch"), m.epoch},
                  {QStringLiteral("train_loss"), m.trainLoss},
                  {QStringLiteral("dev_loss"), m.devLoss},
                  {QStringLiteral("images_per_s"), m.imagesPerSecond},
                  {QStringLiteral("seconds"), m.seconds},
                  {QStringLiteral("lr"), m.learningRate},
                  {QStringLiteral("best"), m.best}};
    if (m.hasClassMetrics) {
        o.insert(QStringLiteral("dev_accuracy"), m.devAccuracy);
        o.insert(QStringLiteral("dev_macro_f1"), m.devMacroF1);
    }
    for (const auto &[key, value] : m.extra)
        o.insert(key, value);
    return o;
}

QString writeMetrics(const QString &runDir, const std::vector<EpochMetrics> &history)
{
    QByteArray text;
    for (const EpochMetrics &m : history)
        text += QJsonDocument(metricsToJson(m)).toJson(QJsonDocument::Compact) + '\n';
    return writeAtomically(metricsPath(runDir), text);
}

std::vector<EpochMetrics> readMetrics(const QString &runDir)
{
    std::vector<EpochMetrics> out;
    QFile f(metricsPath(runDir));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QJsonObject j = QJsonDocument::fromJson(line).object();
        if (j.isEmpty())
            continue;
        out.push_back(metricsFromJson(j));
    }
    return out;
}

EpochMetrics metricsFromJson(const QJsonObject &j)
{
    EpochMetrics m;
    m.epoch = j.value(QStringLiteral("epoch")).toInt();
    m.trainLoss = j.value(QStringLiteral("train_loss")).toDouble();
    m.devLoss = j.value(QStringLiteral("dev_loss")).toDouble();
    m.devAccuracy = j.value(QStringLiteral("dev_accuracy")).toDouble();
    m.devMacroF1 = j.value(QStringLiteral("dev_macro_f1")).toDouble();
    m.imagesPerSecond = j.value(QStringLiteral("images_per_s")).toDouble();
    m.seconds = j.value(QStringLiteral("seconds")).toDouble();
    m.learningRate = j.value(QStringLiteral("lr")).toDouble();
    m.best = j.value(QStringLiteral("best")).toBool();
    m.hasClassMetrics = j.contains(QStringLiteral("dev_accuracy"));
    static const QStringList known{QStringLiteral("epoch"), QStringLiteral("train_loss"), QStringLiteral("dev_loss"),
                                   QStringLiteral("dev_accuracy"), QStringLiteral("dev_macro_f1"),
                                   QStringLiteral("images_per_s"), QStringLiteral("seconds"), QStringLiteral("lr"),
                                   QStringLiteral("best")};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.value().isDouble() && !known.contains(it.key()))
            m.extra.emplace_back(it.key(), it.value().toDouble());
    return m;
}

} // namespace loupe::runfolder
