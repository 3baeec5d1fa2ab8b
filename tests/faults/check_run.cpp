// faults_check RUN_DIR: checks a run folder after a fault (a kill, a full disk). Every JSON and
// JSONL file must parse and every checkpoint must load into the model its config names. Prints
// one line per problem; exit 0 when there is none, 1 otherwise. Used by tests/faults/*.sh.

#include "model/Models.h"
#include "project/RunFolder.h"
#include "model/Checkpoint.h"
#include "project/TrainConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace loupe;

namespace {

int g_problems = 0;

void problem(const QString &text)
{
    std::fprintf(stdout, "PROBLEM %s\n", qPrintable(text));
    ++g_problems;
}

QByteArray readAll(const QString &file, bool *ok)
{
    QFile f(file);
    *ok = f.open(QIODevice::ReadOnly);
    return *ok ? f.readAll() : QByteArray();
}

// A JSON file holding one object. Missing is fine unless required.
QJsonObject checkJson(const QString &file, bool required)
{
    if (!QFileInfo::exists(file)) {
        if (required)
            problem(QStringLiteral("%1 is missing").arg(file));
        return {};
    }
    bool ok = false;
    const QByteArray bytes = readAll(file, &ok);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!ok || !doc.isObject()) {
        problem(QStringLiteral("%1 does not parse: %2 at byte %3").arg(file, error.errorString()).arg(error.offset));
        return {};
    }
    return doc.object();
}

// One JSON object a line; returns the number of lines.
int checkJsonl(const QString &file, const char *increasingKey = nullptr)
{
    if (!QFileInfo::exists(file))
        return 0;
    bool ok = false;
    const QByteArray bytes = readAll(file, &ok);
    if (!ok) {
        problem(QStringLiteral("%1 cannot be read").arg(file));
        return 0;
    }
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        problem(QStringLiteral("%1 does not end with a newline (cut off?)").arg(file));
    int lines = 0;
    int last = -1;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        ++lines;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            problem(QStringLiteral("%1 line %2 does not parse: %3").arg(file).arg(lines).arg(error.errorString()));
            continue;
        }
        if (increasingKey) {
            const int v = doc.object().value(QLatin1String(increasingKey)).toInt(-1);
            if (v <= last)
                problem(QStringLiteral("%1 line %2: %3 %4 after %5").arg(file).arg(lines).arg(QLatin1String(increasingKey)).arg(v).arg(last));
            last = v;
        }
    }
    return lines;
}

void checkCheckpoint(const QString &file, const TrainConfig &cfg, int classes)
{
    if (!QFileInfo::exists(file))
        return;
    try {
        std::shared_ptr<ClassifierImpl> model = makeModel({cfg.model.toStdString(), classes, cfg.channels});
        const CheckpointState state = loadCheckpoint(file.toStdString(), *model, nullptr);
        std::fprintf(stdout, "checkpoint %s: epoch %d\n", qPrintable(QFileInfo(file).fileName()), state.epoch);
    } catch (const std::exception &e) {
        problem(QStringLiteral("%1 does not load: %2").arg(file, QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: faults_check RUN_DIR\n");
        return 2;
    }
    const QString run = args.at(1);
    const QJsonObject config = checkJson(runfolder::configPath(run), true);
    checkJson(run + QStringLiteral("/status.json"), false);
    checkJson(QFileInfo(run).absolutePath() + QStringLiteral("/loupe.json"), false);
    const int epochs = checkJsonl(runfolder::metricsPath(run), "epoch");
    checkJsonl(run + QStringLiteral("/dev-history.jsonl"));
    if (!config.isEmpty()) {
        const TrainConfig cfg = TrainConfig::fromJson(config);
        const int classes = int(config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray().size());
        checkCheckpoint(runfolder::lastCheckpointPath(run), cfg, classes);
        checkCheckpoint(runfolder::bestCheckpointPath(run), cfg, classes);
    }
    std::fprintf(stdout, "%s: %d metrics lines, %d problems\n", qPrintable(run), epochs, g_problems);
    return g_problems == 0 ? 0 : 1;
}
