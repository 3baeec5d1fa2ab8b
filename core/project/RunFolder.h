#pragma once

#include "project/RunRecord.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace loupe {

/// The files of one run folder (runs/<id>/), their names and atomic writes.
namespace runfolder {

QString configPath(const QString &runDir);
QString metricsPath(const QString &runDir);
QString lastCheckpointPath(const QString &runDir);
QString bestCheckpointPath(const QString &runDir);
QString predictionsPath(const QString &runDir);

/// Creates the file's folder, then writeFileAtomically (AtomicFile.h): never half-written.
/// Returns an error or "".
QString writeAtomically(const QString &file, const QByteArray &bytes);

/// config.json: the TrainConfig plus the dataset it was trained on.
QString writeConfig(const QString &runDir, const QJsonObject &config);
/// Throws DatasetError naming the file when it is missing or not a JSON object.
QJsonObject readConfig(const QString &runDir);

/// metrics.jsonl: one JSON object per evaluated epoch, the whole file rewritten atomically.
QString writeMetrics(const QString &runDir, const std::vector<EpochMetrics> &history);
/// Reads metrics.jsonl; lines that do not parse are skipped.
std::vector<EpochMetrics> readMetrics(const QString &runDir);

QJsonObject metricsToJson(const EpochMetrics &m);
/// One metrics.jsonl line read back (missing keys read as 0 / false).
EpochMetrics metricsFromJson(const QJsonObject &json);

} // namespace runfolder

} // namespace loupe
