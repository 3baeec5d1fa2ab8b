// The run report: metrics CSV figures, a self-contained HTML page, and `loupe-cli report`.

#include "TestUtil.h"
#include "dataset/Errors.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "eval/RunReport.h"
#include "project/RunFolder.h"
#include "project/TrainConfig.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace loupe;

namespace {

Prediction prediction(const QString &path, int truth, std::vector<float> p)
{
    Prediction out;
    out.path = path;
    out.truth = truth;
    out.probabilities = p;
    out.predicted = int(std::max_element(p.begin(), p.end()) - p.begin());
    out.confidence = p[std::size_t(out.predicted)];
    out.loss = -std::log(p[std::size_t(truth)]);
    return out;
}

// Three classes, seven images, three of them wrong; the names need CSV quoting and HTML escaping.
PredictionSet fixedSet(const QString &imageDir = QStringLiteral("/nowhere"))
{
    PredictionSet set;
    set.classes = {QStringLiteral("cat"), QStringLiteral("dog, \"big\""), QStringLiteral("<b>bird</b>")};
    set.split = QStringLiteral("dev");
    set.epoch = 2;
    const QString d = imageDir + QLatin1Char('/');
    set.items = {prediction(d + QStringLiteral("a.png"), 0, {0.7f, 0.2f, 0.1f}),
                 prediction(d + QStringLiteral("b.png"), 0, {0.3f, 0.6f, 0.1f}),
                 prediction(d + QStringLiteral("c.png"), 1, {0.2f, 0.7f, 0.1f}),
                 prediction(d + QStringLiteral("d.png"), 1, {0.1f, 0.35f, 0.55f}),
                 prediction(d + QStringLiteral("e.png"), 2, {0.1f, 0.1f, 0.8f}),
                 prediction(d + QStringLiteral("f.png"), 2, {0.55f, 0.25f, 0.2f}),
                 prediction(d + QStringLiteral("g.png"), 0, {0.6f, 0.3f, 0.1f})};
    return set;
}

// A run folder as train leaves it, with the predictions of fixedSet on images that exist.
QString makeRun(const QString &parent, const QString &name, const QString &imageDir)
{
    const QString run = parent + QLatin1Char('/') + name;
    QDir().mkpath(run);
    TrainConfig cfg;
    cfg.model = QStringLiteral("resnet18");
    cfg.imageSize = 32;
    cfg.epochs = 2;
    cfg.augmentFile = QStringLiteral("<script>alert(1)</script>.json");
    QJsonObject json = cfg.toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), imageDir},
                                                  {QStringLiteral("classes"), QJsonArray{QStringLiteral("cat")}}};
    if (!runfolder::writeConfig(run, json).isEmpty())
        qFatal("cannot write config");
    std::vector<EpochMetrics> history(2);
    history[0] = {1, 1.2, 1.1, 0.4, 0.3, 100, 3, 0.01, false};
    history[1] = {2, 0.8, 0.9, 0.57, 0.5, 100, 3, 0.01, true};
    runfolder::writeMetrics(run, history);
    const PredictionSet set = fixedSet(imageDir);
    for (const Prediction &p : set.items)
        test::writeImage(p.path, 40, 30, 60 + 20 * int(&p - set.items.data()));
    if (!predictionfiles::write(predictionfiles::devPath(run), set).isEmpty())
        qFatal("cannot write predictions");
    // The images as a CSV dataset (class folders cannot hold "</b>" in a name).
    QByteArray csv = "path,label\n";
    for (const Prediction &p : set.items)
        csv += QFileInfo(p.path).fileName().toUtf8() + ",c" + QByteArray::number(p.truth) + "\n";
    test::writeBytes(imageDir + QStringLiteral("/labels.csv"), csv);
    return run;
}

// Every element that is not void or self-closed is closed, in order.
bool balancedTags(const QString &html, QString *problem)
{
    static const QStringList voidElements = {QStringLiteral("meta"), QStringLiteral("img"), QStringLiteral("br"),
                                             QStringLiteral("hr"), QStringLiteral("input"), QStringLiteral("link")};
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>"));
    QStringList stack;
    auto it = tag.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(2).toLower();
        if (m.captured(1).isEmpty()) {
            if (voidElements.contains(name) || m.captured(3).endsWith(QLatin1Char('/')))
                continue;
            stack << name;
        } else if (stack.isEmpty() || stack.takeLast() != name) {
            *problem = QStringLiteral("unexpected </%1> at %2").arg(name).arg(m.capturedStart());
            return false;
        }
    }
    if (!stack.isEmpty()) {
        *problem = QStringLiteral("unclosed: ") + stack.join(QLatin1Char(' '));
        return false;
    }
    // No stray angle brackets outside tags: every user string was escaped.
    QString stripped = html;
    stripped.remove(tag);
    stripped.remove(QStringLiteral("<!DOCTYPE html>"));
    if (stripped.contains(QLatin1Char('<')) || stripped.contains(QLatin1Char('>'))) {
        *problem = QStringLiteral("stray angle bracket");
        return false;
    }
    return true;
}

int runCli(const QStringList &args, QString *err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(LOUPE_CLI), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestRunReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricsCsvIsExact();
    void metricsCsvWrittenAtomically();
    void htmlIsSelfContained_data();
    void htmlIsSelfContained();
    void htmlThumbnailsFromIdxStore();
    void htmlRefusesWhatIsNotARun();
    void cliReport_data();
    void cliReport();
};

void TestRunReport::metricsCsvIsExact()
{
    // Expected figures from scikit-learn 1.2: precision_recall_fscore_support(zero_division=0),
    // average_precision_score per class one-vs-rest on the probabilities, accuracy_score.
    const QString expected = QStringLiteral(
        "class,precision,recall,f1,support,average_precision\n"
        "cat,0.666667,0.666667,0.666667,3,0.916667\n"
        "\"dog, \"\"big\"\"\",0.500000,0.500000,0.500000,2,0.833333\n"
        "<b>bird</b>,0.500000,0.500000,0.500000,2,0.833333\n"
        "accuracy,,,0.571429,7,\n"
        "macro avg,0.555556,0.555556,0.555556,7,0.861111\n");
    QCOMPARE(metricsCsv(fixedSet()), expected);
}

void TestRunReport::metricsCsvWrittenAtomically()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("out/metrics.csv"));
    QCOMPARE(writeMetricsCsv(file, fixedSet()), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), metricsCsv(fixedSet()));
    // A folder where the file should go: an error, not a crash.
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("blocked.csv"))));
    QVERIFY(!writeMetricsCsv(dir.filePath(QStringLiteral("blocked.csv")), fixedSet()).isEmpty());
}

void TestRunReport::htmlIsSelfContained_data()
{
    QTest::addColumn<int>("worst");
    QTest::addColumn<int>("images");
    QTest::newRow("all three mistakes") << 12 << 3;
    QTest::newRow("the two worst") << 2 << 2;
    QTest::newRow("none") << 0 << 0;
}

void TestRunReport::htmlIsSelfContained()
{
    QFETCH(int, worst);
    QFETCH(int, images);
    QTemporaryDir dir;
    const QString run = makeRun(dir.path(), QStringLiteral("run <A&B>"), dir.filePath(QStringLiteral("images")));
    RunReportOptions options;
    options.worstCount = worst;
    int progressCalls = 0;
    const QString file = dir.filePath(QStringLiteral("report.html"));
    QCOMPARE(writeRunReport(file, run, nullptr, options, [&](int, int) { ++progressCalls; }), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());

    // One file: nothing fetched from elsewhere.
    for (const char *scheme : {"http:", "https:", "file:", "<link", "<script", "@import", "url("})
        QVERIFY2(!html.contains(QLatin1String(scheme), Qt::CaseInsensitive), scheme);
    static const QRegularExpression src(QStringLiteral("src=\"([^\"]*)\""));
    auto it = src.globalMatch(html);
    int dataUris = 0;
    while (it.hasNext()) {
        QVERIFY(it.next().captured(1).startsWith(QLatin1String("data:image/jpeg;base64,")));
        ++dataUris;
    }
    QCOMPARE(dataUris, images);
    QCOMPARE(progressCalls, images);
    // The worst first: f.png (loss -log 0.2), b.png (-log 0.3), d.png (-log 0.35).
    if (images >= 2) {
        QVERIFY(html.indexOf(QLatin1String(">f.png<")) > 0);
        QVERIFY(html.indexOf(QLatin1String(">f.png<")) < html.indexOf(QLatin1String(">b.png<")));
    }
    QCOMPARE(html.contains(QLatin1String(">d.png<")), images == 3);

    // User strings escaped.
    QVERIFY(html.contains(QLatin1String("run &lt;A&amp;B&gt;")));
    QVERIFY(html.contains(QLatin1String("&lt;b&gt;bird&lt;/b&gt;")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;.json")));
    QVERIFY(!html.contains(QLatin1String("<b>bird")));
    // The best epoch is the last here: its mark's word stays inside the loss chart, left of the line.
    static const QRegularExpression chart(QStringLiteral("<svg class=\"chart\" width=\"(\\d+)\".*?</svg>"));
    const QRegularExpressionMatch loss = chart.match(html);
    QVERIFY(loss.hasMatch());
    static const QRegularExpression mark(
        QStringLiteral("<text x=\"([0-9.]+)\" y=\"[0-9.]+\" class=\"tick mark-label\" text-anchor=\"end\">best</text>"));
    const QRegularExpressionMatch best = mark.match(loss.captured(0));
    QVERIFY2(best.hasMatch(), qPrintable(loss.captured(0)));
    QVERIFY(best.captured(1).toDouble() <= loss.captured(1).toDouble() - 14);
    // The parts a reader looks for.
    QCOMPARE(html.count(QLatin1String("<svg")), 2 + 3); // loss, dev metrics, one PR curve per class
    QVERIFY(html.contains(QLatin1String("<table class=\"confusion\">")));
    QVERIFY(html.contains(QLatin1String("0.5714"))); // accuracy
    QString problem;
    QVERIFY2(balancedTags(html, &problem), qPrintable(problem));
}

void TestRunReport::htmlThumbnailsFromIdxStore()
{
    QTemporaryDir dir;
    const QString run = makeRun(dir.path(), QStringLiteral("idx"), dir.filePath(QStringLiteral("images")));
    // Rewrite the predictions to point into an IDX file that only the dataset's store can read.
    PredictionSet set = fixedSet(QStringLiteral("/data/train-images-idx3-ubyte#"));
    for (int i = 0; i < int(set.items.size()); ++i)
        set.items[std::size_t(i)].path = QStringLiteral("/data/train-images-idx3-ubyte#%1").arg(i);
    QCOMPARE(predictionfiles::write(predictionfiles::devPath(run), set), QString());
    Dataset dataset;
    dataset.format = QStringLiteral("idx");
    dataset.classes = set.classes;
    auto store = std::make_shared<IdxImages>();
    store->count = 7;
    store->rows = 28;
    store->cols = 28;
    store->pixels.assign(7 * 28 * 28, 200);
    dataset.idx = store;
    for (int i = 0; i < 7; ++i) {
        Sample s;
        s.path = set.items[std::size_t(i)].path;
        s.classId = set.items[std::size_t(i)].truth;
        s.idxIndex = i;
        dataset.samples.push_back(s);
    }
    const QString with = QString::fromUtf8(runReportHtml(run, &dataset));
    QCOMPARE(with.count(QLatin1String("src=\"data:image/jpeg;base64,")), 3);
    // A 28 px image is shown at least 96 px large, not as a speck.
    static const QRegularExpression jpeg(QStringLiteral("src=\"data:image/jpeg;base64,([^\"]*)\""));
    const QByteArray bytes = QByteArray::fromBase64(jpeg.match(with).captured(1).toLatin1());
    const cv::Mat thumbnail = cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.data())),
                                           cv::IMREAD_UNCHANGED);
    QVERIFY(!thumbnail.empty());
    QVERIFY2(std::min(thumbnail.cols, thumbnail.rows) >= 96, qPrintable(QString::number(thumbnail.cols)));
    // Without the dataset the pixels are out of reach: placeholders, still a report.
    const QString without = QString::fromUtf8(runReportHtml(run, nullptr));
    QCOMPARE(without.count(QLatin1String("src=\"data:image/jpeg;base64,")), 0);
    QCOMPARE(without.count(QLatin1String("class=\"noimage\"")), 3);
}

void TestRunReport::htmlRefusesWhatIsNotARun()
{
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(DatasetError, runReportHtml(dir.path(), nullptr));
    const QString run = makeRun(dir.path(), QStringLiteral("r"), dir.filePath(QStringLiteral("images")));
    RunReportOptions test;
    test.split = QStringLiteral("test");
    QVERIFY_THROWS_EXCEPTION(DatasetError, runReportHtml(run, nullptr, test)); // no predictions-test.csv
    test.split = QStringLiteral("train");
    QVERIFY_THROWS_EXCEPTION(DatasetError, runReportHtml(run, nullptr, test));
    test::writeBytes(predictionfiles::devPath(run), "path,nonsense\n");
    QVERIFY_THROWS_EXCEPTION(LabelFileError, runReportHtml(run, nullptr));
}

void TestRunReport::cliReport_data()
{
    QTest::addColumn<QStringList>("args"); // RUN, DIR and IMAGES stand for the paths
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("writes");
    QTest::newRow("html and csv") << QStringList{"RUN", "--html", "DIR/r.html", "--csv", "DIR/m.csv"} << 0 << true;
    QTest::newRow("with the dataset") << QStringList{"RUN", "IMAGES", "--html", "DIR/r.html", "--csv", "DIR/m.csv"} << 0 << true;
    QTest::newRow("no output asked") << QStringList{"RUN"} << 2 << false;
    QTest::newRow("no run folder") << QStringList{"DIR/none", "--html", "DIR/r.html"} << 2 << false;
    QTest::newRow("no test predictions") << QStringList{"RUN", "--html", "DIR/r.html", "--split", "test"} << 2 << false;
    QTest::newRow("unknown split") << QStringList{"RUN", "--html", "DIR/r.html", "--split", "train"} << 2 << false;
    QTest::newRow("bad worst") << QStringList{"RUN", "--html", "DIR/r.html", "--worst", "-1"} << 2 << false;
    QTest::newRow("unwritable") << QStringList{"RUN", "--html", "RUN/config.json/r.html"} << 2 << false;
    QTest::newRow("three positionals") << QStringList{"RUN", "IMAGES", "X", "--html", "DIR/r.html"} << 2 << false;
}

void TestRunReport::cliReport()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(bool, writes);
    QTemporaryDir dir;
    const QString images = dir.filePath(QStringLiteral("images"));
    const QString run = makeRun(dir.path(), QStringLiteral("run1"), images);
    for (QString &a : args) {
        a.replace(QLatin1String("RUN"), run);
        a.replace(QLatin1String("DIR"), dir.path());
        a.replace(QLatin1String("IMAGES"), images + QStringLiteral("/labels.csv"));
    }
    QString err;
    QCOMPARE(runCli(QStringList{QStringLiteral("report")} + args, &err), exitCode);
    if (exitCode == 2) {
        QVERIFY(err.startsWith(QLatin1String("loupe-cli: ")));
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
    }
    QCOMPARE(QFileInfo::exists(dir.filePath(QStringLiteral("r.html"))), writes);
    if (writes) {
        QFile csv(dir.filePath(QStringLiteral("m.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()), metricsCsv(predictionfiles::read(predictionfiles::devPath(run))));
        QFile html(dir.filePath(QStringLiteral("r.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QCOMPARE(html.readAll().count("src=\"data:image/jpeg;base64,"), 3);
    }
}

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
