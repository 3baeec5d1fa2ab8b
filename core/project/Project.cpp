#include "project/Project.h"

#include "AtomicFile.h"
#include "augment/Pipeline.h"
#include "dataset/Dataset.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "project/TrainConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Project)
};

// The file layout this code writes; a file from a newer Loupe is refused rather than overwritten.
constexpr int kVersion = 1;
// Whole numbers up to 2^53 survive a JSON number (a double); bigger seeds are written as strings.
constexpr double kExactIntegerLimit = 9007199254740992.0;

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return Text::tr("a boolean");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("an array");
    case QJsonValue::Object:
        return Text::tr("an object");
    default:
        return Text::tr("nothing");
    }
}

// `pipelines.sharp`, or `pipelines["my pipeline"]` for a name a dotted path cannot show plainly.
QString member(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (plain.match(key).hasMatch())
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    QString quoted = key;
    quoted.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\""));
    return path + QLatin1String("[\"") + quoted + QLatin1String("\"]");
}

class Reader {
public:
    Reader(const QJsonObject &json, QString file)
        : m_json(json)
        , m_file(std::move(file))
    {
    }

    [[noreturn]] void fail(const QString &path, const QString &problem) const
    {
        throw LabelFileError(m_file, path, problem);
    }

    QString string(const char *key, const QString &fallback) const
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isString())
            fail(QLatin1String(key), Text::tr("expected a string, found %1").arg(describe(v)));
        return v.toString();
    }

    double number(const char *key, double fallback) const
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble())
            fail(QLatin1String(key), Text::tr("expected a number, found %1").arg(describe(v)));
        return v.toDouble();
    }

    QJsonObject object(const char *key) const
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(QLatin1String(key), Text::tr("expected an object of names, found %1").arg(describe(v)));
        return v.toObject();
    }

    QString file() const { return m_file; }

private:
    QJsonObject m_json;
    QString m_file;
};

void checkPipeline(const Reader &r, const QString &path, const QJsonObject &json)
{
    try {
        Pipeline::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
    } catch (const PipelineError &e) {
        r.fail(path + QLatin1Char('.') + e.place(), e.problem());
    }
}

// A preset is TrainConfig JSON: every key TrainConfig writes must have the type it writes.
void checkPreset(const Reader &r, const QString &path, const QJsonObject &json)
{
    const QJsonObject defaults = TrainConfig().toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const auto known = defaults.constFind(it.key());
        if (known == defaults.constEnd())
            continue;
        const QString keyPath = member(path, it.key());
        const QJsonValue v = it.value();
        if (known->type() != v.type())
            r.fail(keyPath, Text::tr("expected %1, found %2").arg(describe(*known), describe(v)));
        if (v.isArray()) {
            const QJsonArray list = v.toArray();
            for (qsizetype i = 0; i < list.size(); ++i)
                if (!list.at(i).isDouble())
                    r.fail(keyPath + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                        Text::tr("expected a number, found %1").arg(describe(list.at(i))));
        }
        if (v.isDouble() && !std::isfinite(v.toDouble()))
            r.fail(keyPath, Text::tr("expected a finite number"));
    }
    QString problem;
    try {
        problem = TrainConfig::fromJson(json).validate();
    } catch (const DatasetError &e) {
        problem = e.message();
    }
    if (!problem.isEmpty())
        r.fail(path, problem);
}

quint64 readSeed(const Reader &r, const QJsonValue &v)
{
    const QString path = QStringLiteral("split_seed");
    if (v.isString()) {
        bool ok = false;
        const quint64 seed = v.toString().toULongLong(&ok);
        if (!ok)
            r.fail(path, Text::tr("expected a whole number of 0 or more, found \"%1\"").arg(v.toString()));
        return seed;
    }
    if (!v.isDouble())
        r.fail(path, Text::tr("expected a whole number of 0 or more, found %1").arg(describe(v)));
    const double d = v.toDouble();
    if (!(d >= 0) || d != std::floor(d) || d > kExactIntegerLimit)
        r.fail(path, Text::tr("expected a whole number from 0 to 2^53 (larger seeds as a string), found %1").arg(d));
    return quint64(d);
}

// Line and column (1-based) of a character offset into UTF-8 text, for a parse error.
QString lineColumn(const QByteArray &data, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return Text::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

QJsonObject Project::toJson() const
{
    QJsonObject pipelineJson;
    for (auto it = pipelines.begin(); it != pipelines.end(); ++it)
        pipelineJson.insert(it.key(), it.value());
    QJsonObject presetJson;
    for (auto it = presets.begin(); it != presets.end(); ++it)
        presetJson.insert(it.key(), it.value());
    return QJsonObject {
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("dataset"), datasetPath},
        {QStringLiteral("dataset_format"), datasetFormat},
        {QStringLiteral("label_file"), labelFile},
        {QStringLiteral("split_seed"),
            double(splitSeed) <= kExactIntegerLimit ? QJsonValue(double(splitSeed))
                                                    : QJsonValue(QString::number(splitSeed))},
        {QStringLiteral("dev_fraction"), devFraction},
        {QStringLiteral("ranking_metric"), rankingMetricKey(rankingMetric)},
        {QStringLiteral("pipelines"), pipelineJson},
        {QStringLiteral("presets"), presetJson},
    };
}

Project Project::fromJson(const QJsonObject &json, const QString &file)
{
    const Reader r(json, file);
    Project p;

    // Keys this version does not know are ignored (and not written back).
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isUndefined()) {
        const double v = version.isDouble() ? version.toDouble() : -1;
        if (!(v >= 1) || v != std::floor(v))
            r.fail(QStringLiteral("version"),
                Text::tr("expected a whole number of 1 or more, found %1")
                    .arg(version.isDouble() ? QString::number(v) : describe(version)));
        if (v > kVersion)
            r.fail(QStringLiteral("version"),
                Text::tr("written by a newer Loupe (file version %1; this one reads %2)").arg(v).arg(kVersion));
    }

    p.datasetPath = r.string("dataset", p.datasetPath);
    p.datasetFormat = r.string("dataset_format", p.datasetFormat);
    if (!knownFormats().contains(p.datasetFormat))
        r.fail(QStringLiteral("dataset_format"),
            Text::tr("expected one of %1, found \"%2\"")
                .arg(knownFormats().join(QLatin1String(", ")), p.datasetFormat));
    p.labelFile = r.string("label_file", p.labelFile);

    const QJsonValue seed = json.value(QStringLiteral("split_seed"));
    if (!seed.isUndefined())
        p.splitSeed = readSeed(r, seed);

    p.devFraction = r.number("dev_fraction", p.devFraction);
    if (!(p.devFraction >= 0 && p.devFraction < 1))
        r.fail(QStringLiteral("dev_fraction"),
            Text::tr("expected a fraction from 0 up to (not including) 1, found %1").arg(p.devFraction));

    const QString metric = r.string("ranking_metric", rankingMetricKey(p.rankingMetric));
    const std::optional<RankingMetric> parsed = rankingMetricFromKey(metric);
    if (!parsed)
        r.fail(QStringLiteral("ranking_metric"),
            Text::tr("expected %1, %2 or %3, found \"%4\"")
                .arg(rankingMetricKey(RankingMetric::MacroF1), rankingMetricKey(RankingMetric::Accuracy),
                    rankingMetricKey(RankingMetric::DevLoss), metric));
    p.rankingMetric = *parsed;

    const QJsonObject pipelines = r.object("pipelines");
    for (auto it = pipelines.begin(); it != pipelines.end(); ++it) {
        const QString path = member(QStringLiteral("pipelines"), it.key());
        if (!it.value().isObject())
            r.fail(path, Text::tr("expected a pipeline object {\"steps\": [...]}, found %1").arg(describe(it.value())));
        checkPipeline(r, path, it.value().toObject());
        p.pipelines.insert(it.key(), it.value().toObject());
    }

    const QJsonObject presets = r.object("presets");
    for (auto it = presets.begin(); it != presets.end(); ++it) {
        const QString path = member(QStringLiteral("presets"), it.key());
        if (!it.value().isObject())
            r.fail(path, Text::tr("expected a training preset object, found %1").arg(describe(it.value())));
        checkPreset(r, path, it.value().toObject());
        p.presets.insert(it.key(), it.value().toObject());
    }
    return p;
}

namespace projectfile {

QString folderFor(const QString &datasetRoot)
{
    const QString folder = datasetFolder(datasetRoot);
    return folder.isEmpty() ? QString() : QDir(folder).filePath(QStringLiteral("loupe-runs"));
}

QString path(const QString &projectDir)
{
    return QDir(projectDir).filePath(QStringLiteral("loupe.json"));
}

Project read(const QString &projectDir)
{
    const QString file = path(projectDir);
    QFile f(file);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        throw LabelFileError(file, QString(), Text::tr("cannot read: %1").arg(f.errorString()));
    const QByteArray data = f.readAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        // Qt's offset is just past the character it stopped at.
        throw LabelFileError(file, lineColumn(data, std::max(0, int(error.offset) - 1)),
            Text::tr("expected valid JSON: %1").arg(error.errorString()));
    if (!doc.isObject())
        throw LabelFileError(file, QString(), Text::tr("expected a JSON object"));
    return Project::fromJson(doc.object(), file);
}

QString write(const QString &projectDir, const Project &project)
{
    const QString file = path(projectDir);
    if (!QDir().mkpath(projectDir))
        return Text::tr("cannot write %1: cannot create the folder %2").arg(file, projectDir);
    return writeFileAtomically(file, QJsonDocument(project.toJson()).toJson(QJsonDocument::Indented));
}

} // namespace projectfile

} // namespace loupe
