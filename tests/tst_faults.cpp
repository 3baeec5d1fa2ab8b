// Faults a user meets for real, in process: a full disk while run files are written, a read-only
// dataset folder, and image files deleted or replaced by garbage while the browser shows them or
// a run trains on them. Mounting (tmpfs, read-only bind mounts) needs root: those cases QSKIP
// without it. tests/faults/run.sh runs the same faults through loupe-cli.

#include "TestUtil.h"

#include "ImageViewer.h"
#include "ThumbnailLoader.h"
#include "TrainPanel.h"
#include "dataset/Errors.h"
#include "dataset/Inspection.h"
#include "dataset/LabelEdits.h"
#include "project/Project.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"
#include "train/Trainer.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <atomic>
#include <thread>

#include <unistd.h>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

namespace {

int run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return -1;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// A tmpfs or a read-only bind mount, undone when it goes out of scope.
class Mount
{
public:
    static Mount tmpfs(const QString &dir, const QString &size)
    {
        QDir().mkpath(dir);
        return Mount(dir, run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                        QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir}) == 0);
    }
    static Mount readOnly(const QString &source, const QString &dir)
    {
        QDir().mkpath(dir);
        Mount m(dir, run(QStringLiteral("mount"), {QStringLiteral("--bind"), source, dir}) == 0);
        m.m_ok = m.m_ok
            && run(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), dir}) == 0;
        return m;
    }
    Mount(Mount &&other) noexcept : m_dir(other.m_dir), m_ok(other.m_ok) { other.m_dir.clear(); }
    ~Mount()
    {
        if (!m_dir.isEmpty())
            run(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir});
    }
    bool ok() const { return m_ok; }

private:
    Mount(QString dir, bool ok) : m_dir(std::move(dir)), m_ok(ok) {}
    QString m_dir;
    bool m_ok = false;
};

bool canMount(const QString &scratch)
{
    if (geteuid() != 0)
        return false;
    return Mount::tmpfs(scratch + QStringLiteral("/probe"), QStringLiteral("1m")).ok();
}

/// Writes filler files until the file system refuses, leaving `keepBytes` (roughly) free.
void fill(const QString &dir, qint64 keepBytes = 0)
{
    const QByteArray chunk(64 * 1024, 'x');
    QFile f(dir + QStringLiteral("/filler"));
    f.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    QStorageInfo info(dir);
    qint64 left = info.bytesAvailable() - keepBytes;
    while (left > 0 && f.write(chunk.constData(), std::min<qint64>(left, chunk.size())) > 0)
        left -= chunk.size();
    if (keepBytes == 0) {
        // tmpfs reports space in pages: finish with single bytes until the write fails.
        while (f.write("x", 1) == 1) {
        }
    }
}

QByteArray hashOf(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.removeAll(QStringLiteral("filler"));
    out.sort();
    return out;
}

// Two classes a ResNet-18 at 32 px separates at once: a dark or a bright square on noise (flat
// images would give batch norm no variance to learn from). Names differ between the folders so
// that relabelling can move any image.
void writeClasses(const QString &root, int perClass, int size = 32)
{
    cv::RNG rng(42);
    for (int i = 0; i < perClass; ++i) {
        for (int cls = 0; cls < 2; ++cls) {
            cv::Mat m(size, size, CV_8UC3);
            rng.fill(m, cv::RNG::UNIFORM, 60, 190);
            const int value = cls == 0 ? 10 : 245;
            cv::rectangle(m, cv::Rect(size / 4, size / 4, size / 2, size / 2), cv::Scalar::all(value), cv::FILLED);
            test::writeMat(QStringLiteral("%1/%2/%3%4.png")
                               .arg(root, cls == 0 ? QStringLiteral("dark") : QStringLiteral("bright"),
                                    cls == 0 ? QStringLiteral("d") : QStringLiteral("b"))
                               .arg(i),
                           m);
        }
    }
}

TrainConfig tinyConfig(int epochs)
{
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 32;
    c.batchSize = 4;
    c.epochs = epochs;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.seed = 11;
    c.devFraction = 0.25;
    c.threads = 2;
    c.loaderThreads = 2;
    c.augmentFile = QStringLiteral("none");
    return c;
}

bool anyContains(const QStringList &notes, const QString &a, const QString &b)
{
    for (const QString &n : notes)
        if (n.contains(a) && n.contains(b))
            return true;
    return false;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullDiskKeepsThePreviousFile_data();
    void fullDiskKeepsThePreviousFile();
    void trainerStopsOnAFullDisk();
    void trainingPageShowsAFullDisk();
    void relabelSaveOnAFullDisk();
    void readOnlyDataset();
    void filesVanishWhileTraining();
    void filesVanishWhileBrowsing();

private:
    QTemporaryDir m_tmp;
    bool m_canMount = false;
};

void TestFaults::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_canMount = canMount(m_tmp.path());
    if (!m_canMount)
        qInfo("not root or no mount here: the full-disk and read-only cases will be skipped");
}

void TestFaults::fullDiskKeepsThePreviousFile_data()
{
    QTest::addColumn<QString>("writer");
    QTest::newRow("writeAtomically") << "writeAtomically";
    QTest::newRow("config.json") << "writeConfig";
    QTest::newRow("metrics.jsonl") << "writeMetrics";
    QTest::newRow("status.json") << "writeStatus";
    QTest::newRow("loupe.json") << "projectfile";
}

void TestFaults::fullDiskKeepsThePreviousFile()
{
    if (!m_canMount)
        QSKIP("needs root to mount a tmpfs");
    QFETCH(QString, writer);
    const QString mnt = m_tmp.filePath(QStringLiteral("full-") + writer);
    const Mount mount = Mount::tmpfs(mnt, QStringLiteral("1m"));
    QVERIFY(mount.ok());
    const QString runDir = mnt + QStringLiteral("/run");

    // The same writer twice: a small first version, then one too big for what is left.
    auto write = [&](int size) -> std::pair<QString, QString> {
        const QString padding(size, QLatin1Char('p'));
        if (writer == QLatin1String("writeAtomically")) {
            const QString file = runDir + QStringLiteral("/presets.json");
            return {file, runfolder::writeAtomically(file, padding.toUtf8())};
        }
        if (writer == QLatin1String("writeConfig"))
            return {runfolder::configPath(runDir),
                    runfolder::writeConfig(runDir, QJsonObject{{QStringLiteral("model"), QStringLiteral("resnet18")},
                                                               {QStringLiteral("note"), padding}})};
        if (writer == QLatin1String("writeMetrics")) {
            std::vector<EpochMetrics> history(std::max(1, size / 150));
            for (int i = 0; i < int(history.size()); ++i)
                history[std::size_t(i)].epoch = i + 1;
            return {runfolder::metricsPath(runDir), runfolder::writeMetrics(runDir, history)};
        }
        if (writer == QLatin1String("projectfile")) {
            Project project;
            project.datasetPath = QStringLiteral("..");
            project.pipelines.insert(QStringLiteral("padded"), QJsonObject{{QStringLiteral("note"), padding}});
            return {projectfile::path(runDir), projectfile::write(runDir, project)};
        }
        TrainResult result;
        result.outcome = TrainOutcome::Failed;
        result.message = padding;
        return {runfolder::statusPath(runDir), runfolder::writeStatus(runDir, result)};
    };
    const auto [file, firstError] = write(100);
    QCOMPARE(firstError, QString());
    const QByteArray before = hashOf(file);
    const QStringList filesBefore = filesUnder(mnt);
    fill(mnt);

    const QString error = write(200 * 1024).second;
    QVERIFY2(error.contains(QStringLiteral("No space left on device")), qPrintable(error));
    QVERIFY2(error.contains(QFileInfo(file).fileName()), qPrintable(error));
    QCOMPARE(hashOf(file), before);
    QCOMPARE(filesUnder(mnt), filesBefore); // no temporary file left behind

    QVERIFY(QFile::remove(mnt + QStringLiteral("/filler")));
    QCOMPARE(write(200 * 1024).second, QString());
    QVERIFY(hashOf(file) != before);
}

void TestFaults::trainerStopsOnAFullDisk()
{
    if (!m_canMount)
        QSKIP("needs root to mount a tmpfs");
    const QString data = m_tmp.filePath(QStringLiteral("full-train-data"));
    writeClasses(data, 8);
    const Inspection inspection = inspectDataset(data);
    const QString mnt = m_tmp.filePath(QStringLiteral("full-train"));
    // ResNet-18 checkpoints with SGD momentum are ~90 MB: last, best and one temporary fit.
    const Mount mount = Mount::tmpfs(mnt, QStringLiteral("400m"));
    QVERIFY(mount.ok());
    const QString runDir = mnt + QStringLiteral("/run");
    {
        Trainer trainer(inspection.dataset, tinyConfig(1), runDir);
        const TrainResult r = trainer.run();
        QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    }
    const QStringList kept{runfolder::lastCheckpointPath(runDir), runfolder::bestCheckpointPath(runDir),
                           runfolder::metricsPath(runDir)};
    QStringList before;
    for (const QString &f : kept)
        before.append(QString::fromLatin1(hashOf(f)));

    fill(mnt, 8 << 20); // room for config.json and the event file, not for a checkpoint
    {
        Trainer trainer(inspection.dataset, tinyConfig(2), runDir);
        trainer.setResume(true);
        const TrainResult r = trainer.run();
        QCOMPARE(r.outcome, TrainOutcome::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("No space left on device")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral(".pt")), qPrintable(r.message));
    }
    for (int i = 0; i < kept.size(); ++i)
        QCOMPARE(QString::fromLatin1(hashOf(kept[i])), before[i]);
    QVERIFY(QDir(runDir + QStringLiteral("/checkpoints")).entryList(QDir::Files).size() == 2); // no .tmp

    // Space again: the run resumes from the checkpoint the full disk left alone.
    QVERIFY(QFile::remove(mnt + QStringLiteral("/filler")));
    Trainer trainer(inspection.dataset, tinyConfig(2), runDir);
    trainer.setResume(true);
    const TrainResult r = trainer.run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    QCOMPARE(r.epochsRun, 2);
    QCOMPARE(int(runfolder::readMetrics(runDir).size()), 2);
}

void TestFaults::trainingPageShowsAFullDisk()
{
    if (!m_canMount)
        QSKIP("needs root to mount a tmpfs");
    // The dataset on the small disk, so its loupe-runs folder is there too.
    const QString mnt = m_tmp.filePath(QStringLiteral("full-page"));
    const Mount mount = Mount::tmpfs(mnt, QStringLiteral("300m"));
    QVERIFY(mount.ok());
    writeClasses(mnt + QStringLiteral("/data"), 6);
    const auto inspection = std::make_shared<const Inspection>(inspectDataset(mnt + QStringLiteral("/data")));
    TrainPanel panel;
    panel.setInspection(inspection);
    panel.setConfig(tinyConfig(1));
    fill(mnt, 8 << 20); // the run starts, its first checkpoint does not fit
    QVERIFY(panel.startRun());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.controller()->isRunning(), 60000);
    QVERIFY2(panel.messageText().contains(QStringLiteral("No space left on device")), qPrintable(panel.messageText()));
    const std::vector<RunSummary> runs = runfolder::listRuns(panel.runsRoot());
    QCOMPARE(int(runs.size()), 1);
    QVERIFY(!runs.front().hasCheckpoint);
    QVERIFY(QDir(runs.front().dir + QStringLiteral("/checkpoints")).entryList(QDir::Files).isEmpty()); // no .tmp
}

void TestFaults::relabelSaveOnAFullDisk()
{
    if (!m_canMount)
        QSKIP("needs root to mount a tmpfs");
    const QString mnt = m_tmp.filePath(QStringLiteral("full-relabel"));
    const Mount mount = Mount::tmpfs(mnt, QStringLiteral("2m"));
    QVERIFY(mount.ok());
    QByteArray csv("path,label\n");
    for (int i = 0; i < 6; ++i) {
        writeImage(QStringLiteral("%1/img/%2.png").arg(mnt).arg(i), 16, 16, i < 3 ? 30 : 220);
        csv += QStringLiteral("img/%1.png,%2\n").arg(i).arg(i < 3 ? QStringLiteral("dark") : QStringLiteral("bright")).toUtf8();
    }
    const QString labels = mnt + QStringLiteral("/labels.csv");
    writeBytes(labels, csv);
    const Inspection inspection = inspectDataset(labels);
    QCOMPARE(inspection.dataset.format, QStringLiteral("csv"));
    const Sample &first = inspection.dataset.samples.front();
    const QString oldClass = inspection.dataset.classes.at(first.classId);
    const QString newClass = oldClass == QLatin1String("dark") ? QStringLiteral("bright") : QStringLiteral("dark");
    const QStringList filesBefore = filesUnder(mnt);

    fill(mnt);
    try {
        saveLabelEdits(inspection.dataset, {{first.path, oldClass, newClass}});
        QFAIL("saving labels on a full disk did not report it");
    } catch (const DatasetError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("No space left on device")), qPrintable(e.message()));
    }
    QCOMPARE(hashOf(labels), QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex());
    QStringList filesAfter = filesUnder(mnt);
    filesAfter.removeAll(QStringLiteral("filler"));
    QVERIFY2(filesAfter == filesBefore, qPrintable(filesAfter.join(QLatin1Char(' '))));

    QVERIFY(QFile::remove(mnt + QStringLiteral("/filler")));
    const LabelSaveResult saved = saveLabelEdits(inspection.dataset, {{first.path, oldClass, newClass}});
    QVERIFY(!saved.changedFiles.isEmpty());
    QVERIFY(hashOf(labels) != QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex());
}

void TestFaults::readOnlyDataset()
{
    if (!m_canMount)
        QSKIP("needs root for a read-only bind mount");
    const QString source = m_tmp.filePath(QStringLiteral("ro-source"));
    writeClasses(source, 6, 80);
    const QString ro = m_tmp.filePath(QStringLiteral("ro"));
    const Mount mount = Mount::readOnly(source, ro);
    QVERIFY(mount.ok());
    QVERIFY(!QFile(ro + QStringLiteral("/probe")).open(QIODevice::WriteOnly)); // even for root

    // Inspecting and browsing only read.
    const auto inspection = std::make_shared<const Inspection>(inspectDataset(ro));
    QCOMPARE(int(inspection->dataset.samples.size()), 12);
    QVERIFY(inspection->dataset.badFiles.empty());
    QTemporaryDir cache;
    ThumbnailLoader loader;
    loader.setDiskCacheDir(cache.path());
    loader.setDiskCacheMinFileBytes(0);
    QVector<ThumbnailRequest> requests;
    for (const Sample &s : inspection->dataset.samples)
        requests.append({s.path, s.width, s.height, nullptr, -1});
    loader.request(requests);
    QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 10000);
    QCOMPARE(loader.counters().failed, 0);
    QCOMPARE(loader.counters().decoded, 12);
    QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 12); // the cache lives elsewhere

    // A run cannot live in the dataset folder: the trainer says why.
    Trainer trainer(inspection->dataset, tinyConfig(1), ro + QStringLiteral("/loupe-runs/run"));
    const TrainResult r = trainer.run();
    QCOMPARE(r.outcome, TrainOutcome::Failed);
    QVERIFY2(r.message.contains(QStringLiteral("Read-only file system")), qPrintable(r.message));

    // Relabelling refuses before it changes anything.
    const Sample &first = inspection->dataset.samples.front();
    const QString oldClass = inspection->dataset.classes.at(first.classId);
    const QString newClass = oldClass == QLatin1String("dark") ? QStringLiteral("bright") : QStringLiteral("dark");
    const QStringList filesBefore = filesUnder(source);
    try {
        saveLabelEdits(inspection->dataset, {{first.path, oldClass, newClass}});
        QFAIL("saving labels into a read-only folder did not refuse");
    } catch (const DatasetError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("nothing was changed")), qPrintable(e.message()));
    }
    QCOMPARE(filesUnder(source), filesBefore);

    // The training page refuses to start and names the folder it could not create.
    TrainPanel panel;
    panel.setInspection(inspection);
    QVERIFY(!panel.startRun());
    QVERIFY2(panel.messageText().contains(panel.runsRoot()), qPrintable(panel.messageText()));
    QVERIFY(!panel.controller()->isRunning());
}

void TestFaults::filesVanishWhileTraining()
{
    const QString data = m_tmp.filePath(QStringLiteral("vanish-train"));
    writeClasses(data, 12);
    const Inspection inspection = inspectDataset(data);
    QCOMPARE(int(inspection.dataset.samples.size()), 24);

    // Every third image: deleted, replaced by garbage, or cut short. Dev and train images both.
    QStringList deleted, garbage, truncated;
    for (int i = 0; i < 24; i += 3) {
        const QString path = inspection.dataset.samples[std::size_t(i)].path;
        (i % 9 == 0 ? deleted : i % 9 == 3 ? garbage : truncated).append(path);
    }

    Trainer trainer(inspection.dataset, tinyConfig(3), m_tmp.filePath(QStringLiteral("vanish-run")));
    std::atomic<bool> firstStep{false};
    TrainCallbacks callbacks;
    callbacks.onStep = [&](const TrainProgress &) {
        if (!firstStep.exchange(true))
            trainer.pause(); // takes effect before the next step: the files change mid-epoch
    };
    TrainResult result;
    std::thread thread([&] { result = trainer.run(callbacks); });
    QTRY_VERIFY_WITH_TIMEOUT(firstStep.load(), 60000);
    for (const QString &p : deleted)
        QVERIFY(QFile::remove(p));
    for (const QString &p : garbage)
        writeBytes(p, QByteArray(3000, '\x5a'));
    for (const QString &p : truncated) {
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(40));
    }
    trainer.resume();
    thread.join();

    QVERIFY2(result.outcome == TrainOutcome::Completed, qPrintable(result.message));
    QCOMPARE(result.epochsRun, 3);
    for (const QStringList &group : {deleted, garbage, truncated})
        for (const QString &p : group)
            QVERIFY2(anyContains(result.notes, QStringLiteral("skipped"), p),
                     qPrintable(QStringLiteral("%1 not listed in:\n%2").arg(p, result.notes.join(QLatin1Char('\n')))));
}

void TestFaults::filesVanishWhileBrowsing()
{
    const QString data = m_tmp.filePath(QStringLiteral("vanish-browse"));
    writeClasses(data, 10, 96);
    const Inspection inspection = inspectDataset(data);
    QTemporaryDir cache;
    ThumbnailLoader loader;
    loader.setDiskCacheDir(cache.path());
    loader.setDiskCacheMinFileBytes(0);
    QVector<ThumbnailRequest> requests;
    QStringList broken;
    for (const Sample &s : inspection.dataset.samples)
        requests.append({s.path, s.width, s.height, nullptr, -1});

    // Files change while the pool decodes them: some are read before, some after.
    loader.request(requests);
    for (int i = 0; i < requests.size(); i += 2) {
        const QString &p = requests[i].path;
        if (i % 4 == 0)
            QFile::remove(p);
        else
            writeBytes(p, QByteArray(1234, '\x00'));
        broken.append(p);
    }
    QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 10000);
    QCOMPARE(loader.counters().decoded + loader.counters().diskHits + loader.counters().failed, requests.size());

    // Asked again (scrolled back), each broken file fails; the disk cache does not hide it.
    loader.clearMemory();
    const ThumbnailLoader::Counters first = loader.counters();
    loader.request(requests);
    QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 10000);
    QCOMPARE(loader.counters().failed - first.failed, broken.size());
    for (const ThumbnailRequest &r : requests)
        QVERIFY(!loader.thumbnail(r.path).isNull()); // a "broken" tile for the failed ones

    // The viewer says why it cannot show a file, and shows the next good one.
    ImageViewer viewer;
    viewer.resize(300, 200);
    for (const QString &p : broken.mid(0, 2)) {
        viewer.open(p, {}, inspection.dataset.classes);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isLoading(), 10000);
        QVERIFY(viewer.image().isNull());
        QVERIFY2(viewer.message().contains(QStringLiteral("cannot be shown")), qPrintable(viewer.message()));
    }
    const QString good = requests[1].path;
    viewer.open(good, {}, inspection.dataset.classes);
    QTRY_VERIFY_WITH_TIMEOUT(!viewer.isLoading(), 10000);
    QCOMPARE(viewer.image().size(), QSize(96, 96));
    // Deleted while it decodes: shown or refused, never a crash.
    viewer.open(requests[3].path, {}, inspection.dataset.classes);
    QFile::remove(requests[3].path);
    QTRY_VERIFY_WITH_TIMEOUT(!viewer.isLoading(), 10000);
    QVERIFY(!viewer.image().isNull() || viewer.message().contains(QStringLiteral("cannot be shown")));
}

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
