// The error-analysis page: runs and splits, gallery filters and sort, the confusion matrix as a
// filter and as a PNG, next/previous keys, the side panel and history, relabelling with undo
// and save on a worker thread (and a failed save), Grad-CAM on a real tiny run, and --screenshot.
// Over 600 lines on purpose: every case drives the same page over the dataset and run folders that
// initTestCase writes once; one executable per page (STYLE.md), each case stays short.

#include "TestUtil.h"
#include "Translations.h"

#include "ConfusionMatrixView.h"
#include "ImageViewer.h"
#include "LabelSaver.h"
#include "PredictionDelegate.h"
#include "PredictionHistoryPlot.h"
#include "PredictionModel.h"
#include "PredictionsPanel.h"
#include "dataset/Inspection.h"
#include "eval/Predictions.h"
#include "project/RunFolder.h"
#include "project/TrainConfig.h"
#include "train/Trainer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QProgressBar>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <map>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

namespace {

const QStringList kClasses{QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("fox")};
const char *const kNewestRun = "20260101-120000";
const char *const kOlderRun = "20260101-110000";

/// Image i: true class i / 4, predicted class and confidence as listed (5 of 12 wrong).
struct Planned {
    int predicted;
    float confidence;
};
const Planned kPlan[12] = {{0, 0.90f}, {0, 0.60f}, {1, 0.70f}, {2, 0.50f}, {1, 0.95f}, {1, 0.80f},
                           {0, 0.55f}, {0, 0.65f}, {2, 0.85f}, {2, 0.40f}, {1, 0.90f}, {2, 0.99f}};

/// Image i is a flat grey of this value (with a diagonal in another grey), see makeFixture.
int greyOf(int i)
{
    return 30 + 18 * i;
}

QString imageName(int i)
{
    return QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0'));
}

PredictionSet plannedSet(const QString &imagesDir, const QString &split)
{
    PredictionSet set;
    set.classes = kClasses;
    set.split = split;
    set.epoch = 3;
    for (int i = 0; i < 12; ++i) {
        Prediction p;
        p.path = QDir(imagesDir).filePath(imageName(i));
        p.truth = i / 4;
        p.predicted = kPlan[i].predicted;
        p.confidence = kPlan[i].confidence;
        const float rest = 1.0f - p.confidence;
        p.probabilities.assign(3, 0.0f);
        p.probabilities[std::size_t(p.predicted)] = p.confidence;
        for (int c = 0; c < 3; ++c) {
            if (c == p.predicted)
                continue;
            if (p.truth == p.predicted)
                p.probabilities[std::size_t(c)] = rest / 2;
            else
                p.probabilities[std::size_t(c)] = c == p.truth ? rest * 0.7f : rest * 0.3f;
        }
        p.loss = -std::log(p.probabilities[std::size_t(p.truth)]);
        set.items.push_back(p);
    }
    return set;
}

/// A CSV dataset of 12 tiny PNGs in 3 classes with two runs under loupe-runs/: the newest with
/// dev and test predictions and a dev history over 3 epochs, the older with dev only.
QString makeFixture(const QString &root)
{
    const QString images = QDir(root).filePath(QStringLiteral("img"));
    QByteArray csv = "path,label\n";
    for (int i = 0; i < 12; ++i) {
        writeImage(QDir(images).filePath(imageName(i)), 24, 24, greyOf(i));
        csv += "img/" + imageName(i).toUtf8() + ',' + kClasses[i / 4].toUtf8() + '\n';
    }
    const QString labels = QDir(root).filePath(QStringLiteral("labels.csv"));
    writeBytes(labels, csv);
    const QString runsRoot = QDir(root).filePath(QStringLiteral("loupe-runs"));
    for (const char *name : {kNewestRun, kOlderRun}) {
        const QString run = QDir(runsRoot).filePath(QString::fromLatin1(name));
        QDir().mkpath(run);
        TrainConfig config;
        config.epochs = 3;
        QJsonObject json = config.toJson();
        json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), labels},
                                                      {QStringLiteral("classes"), QJsonArray::fromStringList(kClasses)}};
        if (!runfolder::writeConfig(run, json).isEmpty())
            qFatal("cannot write config");
        if (!predictionfiles::write(predictionfiles::devPath(run), plannedSet(images, QStringLiteral("dev"))).isEmpty())
            qFatal("cannot write predictions");
        if (QLatin1String(name) == QLatin1String(kNewestRun)) {
            if (!predictionfiles::write(predictionfiles::testPath(run), plannedSet(images, QStringLiteral("test"))).isEmpty())
                qFatal("cannot write test predictions");
            // History: image 2 (cat) was right in epoch 1, then called dog: one flip at epoch 2.
            PredictionHistory h;
            h.classes = kClasses;
            for (int i = 0; i < 12; ++i) {
                h.paths.append(QDir(images).filePath(imageName(i)));
                h.truth.push_back(i / 4);
            }
            for (int epoch = 1; epoch <= 3; ++epoch) {
                PredictionHistory::Epoch e;
                e.epoch = epoch;
                for (int i = 0; i < 12; ++i) {
                    e.predicted.push_back(epoch == 1 ? i / 4 : kPlan[i].predicted);
                    e.confidence.push_back(0.3f + 0.2f * epoch);
                }
                h.epochs.push_back(e);
            }
            if (!predictionfiles::writeHistory(predictionfiles::historyPath(run), h).isEmpty())
                qFatal("cannot write history");
        }
    }
    return labels;
}

InspectionPtr inspect(const QString &path)
{
    return std::make_shared<const Inspection>(inspectDataset(path));
}

QStringList names(const QStringList &paths)
{
    QStringList out;
    for (const QString &p : paths)
        out.append(QFileInfo(p).fileName());
    return out;
}

QStringList expectedNames(const std::function<bool(int i)> &keep)
{
    QStringList out;
    for (int i = 0; i < 12; ++i)
        if (keep(i))
            out.append(imageName(i));
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/// How many pixels of the picture have exactly this colour, for each colour asked about.
std::map<QRgb, int> countColours(const QImage &picture, const QList<QRgb> &colours)
{
    std::map<QRgb, int> counts;
    for (QRgb c : colours)
        counts[c] = 0;
    const QImage rgb = picture.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            auto it = counts.find(line[x] | 0xff000000u);
            if (it != counts.end())
                ++it->second;
        }
    }
    return counts;
}

QString readText(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestPredictionsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsRunsNewestFirstAndSplits();
    void filtersGiveExactlyTheExpectedImages_data();
    void filtersGiveExactlyTheExpectedImages();
    void sortsByLossAndConfidence();
    void confusionCellFiltersToThatCell_data();
    void confusionCellFiltersToThatCell();
    void confusionMatrixNormalisesAndExports();
    void cellCaptionGoesWithItsFilter();
    void tileCaptionsReadWhole();
    void nextPreviousKeysStayInFilteredGallery();
    void sidePanelShowsTopClassesAndHistory();
    void relabelUndoRedoSave();
    void failedSaveKeepsEdits();
    void folderRelabelMovesAndTheImageStaysFound();
    void gradCamOverlayOnATinyRun();
    void screenshotWritesPng();

private:
    QTemporaryDir m_dir;
    QString m_labels;
    QString m_images;
    InspectionPtr m_inspection;
};

void TestPredictionsPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_predictionspanel"));
    // English as a user reads it: plural forms ("Moved 1 image") come from the translation.
    QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::English)));
    QVERIFY(m_dir.isValid());
    m_labels = makeFixture(m_dir.filePath(QStringLiteral("data")));
    m_images = m_dir.filePath(QStringLiteral("data/img"));
    m_inspection = inspect(m_labels);
    QCOMPARE(int(m_inspection->dataset.samples.size()), 12);
}

void TestPredictionsPanel::listsRunsNewestFirstAndSplits()
{
    PredictionsPanel panel;
    panel.setInspection(m_inspection);
    QCOMPARE(names(panel.runDirs()), (QStringList{QString::fromLatin1(kNewestRun), QString::fromLatin1(kOlderRun)}));
    QCOMPARE(QFileInfo(panel.currentRunDir()).fileName(), QString::fromLatin1(kNewestRun));
    QCOMPARE(panel.currentSplit(), QStringLiteral("dev"));
    QCOMPARE(panel.model()->rowCount(), 12);
    QCOMPARE(panel.model()->matchedCount(), 12); // matched to the dataset's samples by path
    QAbstractItemModelTester modelTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(panel.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QVERIFY(panel.selectSplit(QStringLiteral("test")));
    QCOMPARE(panel.model()->predictions().split, QStringLiteral("test"));
    QVERIFY(panel.selectRun(panel.runDirs().at(1)));
    QCOMPARE(panel.currentSplit(), QStringLiteral("dev")); // the older run has no test file
    QVERIFY(!panel.selectSplit(QStringLiteral("test")));

    // A run finished meanwhile: Refresh lists it first without losing the chosen one.
    const QString newer = QDir(m_dir.filePath(QStringLiteral("data/loupe-runs"))).filePath(QStringLiteral("20260102-090000"));
    QVERIFY(QDir().mkpath(newer));
    QVERIFY(QFile::copy(runfolder::configPath(panel.runDirs().at(0)), runfolder::configPath(newer)));
    QVERIFY(QFile::copy(predictionfiles::devPath(panel.runDirs().at(0)), predictionfiles::devPath(newer)));
    const QString chosen = panel.currentRunDir();
    panel.refreshRuns();
    QCOMPARE(panel.runDirs().size(), 3);
    QCOMPARE(QFileInfo(panel.runDirs().front()).fileName(), QStringLiteral("20260102-090000"));
    QCOMPARE(panel.currentRunDir(), chosen);
    QVERIFY(QDir(newer).removeRecursively());

    // No dataset: nothing listed, nothing shown.
    panel.setInspection(nullptr);
    QCOMPARE(panel.runDirs().size(), 0);
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestPredictionsPanel::filtersGiveExactlyTheExpectedImages_data()
{
    QTest::addColumn<bool>("wrongOnly");
    QTest::addColumn<int>("truth");
    QTest::addColumn<int>("predicted");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<QStringList>("expected");
    auto plan = [](auto f) { return expectedNames(f); };
    QTest::newRow("everything") << false << -1 << -1 << 0.0 << 1.0 << plan([](int) { return true; });
    QTest::newRow("mispredicted") << true << -1 << -1 << 0.0 << 1.0
                                  << plan([](int i) { return kPlan[i].predicted != i / 4; });
    QTest::newRow("true cat") << false << 0 << -1 << 0.0 << 1.0 << plan([](int i) { return i / 4 == 0; });
    QTest::newRow("predicted cat") << false << -1 << 0 << 0.0 << 1.0 << plan([](int i) { return kPlan[i].predicted == 0; });
    QTest::newRow("wrong dogs") << true << 1 << -1 << 0.0 << 1.0
                                << (QStringList{imageName(6), imageName(7)});
    QTest::newRow("confidence 0.6-0.9") << false << -1 << -1 << 0.6 << 0.9
                                        << (QStringList{imageName(0), imageName(1), imageName(2), imageName(5),
                                                        imageName(7), imageName(8), imageName(10)});
    QTest::newRow("unsure mistakes") << true << -1 << -1 << 0.0 << 0.6 << (QStringList{imageName(3), imageName(6)});
    QTest::newRow("fox called dog, sure") << false << 2 << 1 << 0.85 << 1.0 << (QStringList{imageName(10)});
    QTest::newRow("nothing") << true << 0 << 0 << 0.0 << 1.0 << QStringList();
}

void TestPredictionsPanel::filtersGiveExactlyTheExpectedImages()
{
    QFETCH(bool, wrongOnly);
    QFETCH(int, truth);
    QFETCH(int, predicted);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(QStringList, expected);
    PredictionsPanel panel;
    panel.setInspection(m_inspection);
    panel.setMispredictedOnly(wrongOnly);
    panel.setTruthFilter(truth);
    panel.setPredictedFilter(predicted);
    panel.setConfidenceRange(low, high);
    QCOMPARE(sorted(names(panel.galleryPaths())), sorted(expected));
    QVERIFY2(panel.countText().contains(QStringLiteral("showing %1 of 12").arg(expected.size())),
             qPrintable(panel.countText()));
    panel.clearFilters();
    QCOMPARE(panel.galleryPaths().size(), 12);
}

void TestPredictionsPanel::sortsByLossAndConfidence()
{
    PredictionsPanel panel;
    panel.setInspection(m_inspection);
    std::vector<std::pair<float, QString>> byLoss;
    for (const Prediction &p : panel.model()->predictions().items)
        byLoss.emplace_back(p.loss, QFileInfo(p.path).fileName());
    std::stable_sort(byLoss.begin(), byLoss.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList expected;
    for (const auto &e : byLoss)
        expected.append(e.second);
    // Highest loss first is the page's default: the worst mistakes lead.
    QCOMPARE(names(panel.galleryPaths()), expected);

    panel.setSort(PredictionFilterModel::SortKey::Loss, Qt::AscendingOrder);
    QStringList reversed = names(panel.galleryPaths());
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(reversed, expected);

    panel.setSort(PredictionFilterModel::SortKey::Confidence, Qt::AscendingOrder);
    QCOMPARE(names(panel.galleryPaths()).front(), imageName(9)); // 0.40
    panel.setSort(PredictionFilterModel::SortKey::Confidence, Qt::DescendingOrder);
    QCOMPARE(names(panel.galleryPaths()).front(), imageName(11)); // 0.99

    // Sorting and filtering combine: the wrong ones, surest mistake first.
    panel.setMispredictedOnly(true);
    QCOMPARE(names(panel.galleryPaths()),
             (QStringList{imageName(10), imageName(2), imageName(7), imageName(6), imageName(3)}));
}

void TestPredictionsPanel::confusionCellFiltersToThatCell_data()
{
    QTest::addColumn<int>("truth");
    QTest::addColumn<int>("predicted");
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            QTest::addRow("%s as %s", qPrintable(kClasses[t]), qPrintable(kClasses[p])) << t << p;
}

void TestPredictionsPanel::confusionCellFiltersToThatCell()
{
    QFETCH(int, truth);
    QFETCH(int, predicted);
    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(m_inspection);
    // Other filters set first: the cell shows exactly its images regardless.
    panel.setMispredictedOnly(true);
    panel.setConfidenceRange(0.9, 1.0);

    panel.showConfusionMatrix();
    auto *tabs = panel.findChild<QTabWidget *>(QStringLiteral("predictionsTabs"));
    QVERIFY(tabs && tabs->currentIndex() == 1);
    ConfusionMatrixView *matrix = panel.confusionView();
    QCOMPARE(matrix->counts()[std::size_t(truth)][std::size_t(predicted)],
             int(expectedNames([&](int i) { return i / 4 == truth && kPlan[i].predicted == predicted; }).size()));
    const QRect cell = matrix->cellRect(truth, predicted);
    QVERIFY(!cell.isEmpty());
    QSignalSpy clicked(matrix, &ConfusionMatrixView::cellClicked);
    QTest::mouseClick(matrix, Qt::LeftButton, {}, cell.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(tabs->currentIndex(), 0); // back to the gallery, now showing that cell
    const QStringList expected = expectedNames([&](int i) { return i / 4 == truth && kPlan[i].predicted == predicted; });
    QCOMPARE(sorted(names(panel.galleryPaths())), expected);
    // The page says which cell it shows.
    QVERIFY2(panel.countText().contains(kClasses[truth]), qPrintable(panel.countText()));
    if (truth != predicted)
        QVERIFY2(panel.countText().contains(kClasses[predicted]), qPrintable(panel.countText()));
    QVERIFY2(panel.countText().contains(QStringLiteral("showing %1 of 12").arg(expected.size())), qPrintable(panel.countText()));
    if (!expected.isEmpty())
        QVERIFY(expected.contains(QFileInfo(panel.currentPath()).fileName()));
}

// Issue 19, item 6: the caption naming a confusion-matrix cell goes when its filter goes, however
// it goes: "Show all", or another run without that class (the filter falls back to "any").
void TestPredictionsPanel::cellCaptionGoesWithItsFilter()
{
    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(m_inspection);
    const auto clickCell = [&](int truth, int predicted) {
        panel.showConfusionMatrix();
        ConfusionMatrixView *matrix = panel.confusionView();
        QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(truth, predicted).center());
    };
    const QString caption = QStringLiteral("Confusion matrix cell");

    clickCell(2, 1); // fox called dog: image 10
    QVERIFY2(panel.countText().contains(caption), qPrintable(panel.countText()));
    QVERIFY(panel.countText().contains(QStringLiteral("showing 1 of 12")));
    auto *all = panel.findChild<QToolButton *>(QStringLiteral("showAllPredictions"));
    QVERIFY(all);
    all->click();
    QVERIFY2(!panel.countText().contains(caption), qPrintable(panel.countText()));
    QVERIFY(panel.countText().contains(QStringLiteral("showing 12 of 12")));

    // A run whose third class is "wolf": the "fox" filter cannot stay, nor can the caption.
    const QString run = QDir(m_dir.filePath(QStringLiteral("data/loupe-runs"))).filePath(QStringLiteral("20260101-100000"));
    QVERIFY(QDir().mkpath(run));
    const QStringList renamed{QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("wolf")};
    QJsonObject json = TrainConfig{}.toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), m_labels},
                                                  {QStringLiteral("classes"), QJsonArray::fromStringList(renamed)}};
    QVERIFY(runfolder::writeConfig(run, json).isEmpty());
    PredictionSet set = plannedSet(m_images, QStringLiteral("dev"));
    set.classes = renamed;
    QVERIFY(predictionfiles::write(predictionfiles::devPath(run), set).isEmpty());
    panel.refreshRuns();

    clickCell(2, 1);
    QVERIFY(panel.countText().contains(caption));
    QVERIFY(panel.selectRun(run));
    QCOMPARE(panel.proxy()->truthFilter(), -1);
    QVERIFY2(!panel.countText().contains(caption), qPrintable(panel.countText()));
    QVERIFY(!panel.countText().contains(QStringLiteral("fox")));
    QVERIFY(QDir(run).removeRecursively());
}

namespace {
// The delegate's caption font and padding, as the tiles use them.
struct CaptionProbe : PredictionDelegate {
    using GalleryDelegate::kPad;
    using GalleryDelegate::smallFont;
};
} // namespace

void TestPredictionsPanel::tileCaptionsReadWhole()
{
    // Fashion-MNIST's names: "T-shirt/top → Ankle boot" once read "T-shi… → Ankle…" under each tile.
    const QString run = QDir(m_dir.filePath(QStringLiteral("data/loupe-runs"))).filePath(QStringLiteral("20251231-090000"));
    QVERIFY(QDir().mkpath(run));
    const auto cleanup = qScopeGuard([&] { QDir(run).removeRecursively(); });
    const QString longName = QStringLiteral("Ankle boot with a very long name that no tile could hold");
    const QStringList names{QStringLiteral("T-shirt/top"), QStringLiteral("Ankle boot"), QStringLiteral("Sneaker")};
    QJsonObject json = TrainConfig{}.toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), m_labels},
                                                  {QStringLiteral("classes"), QJsonArray::fromStringList(names)}};
    QVERIFY(runfolder::writeConfig(run, json).isEmpty());
    PredictionSet set = plannedSet(m_images, QStringLiteral("dev"));
    set.classes = names;
    QVERIFY(predictionfiles::write(predictionfiles::devPath(run), set).isEmpty());

    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(m_inspection);
    QVERIFY(panel.selectRun(run));
    auto *gallery = panel.findChild<QListView *>(QStringLiteral("predictionGallery"));
    QVERIFY(gallery);
    const QFontMetrics fm(CaptionProbe::smallFont(gallery->font()));
    const int width = gallery->gridSize().width() - 2 * CaptionProbe::kPad;
    for (const QString &truth : names)
        for (const QString &predicted : names) {
            const auto [t, p] = PredictionDelegate::captionParts(fm, truth, predicted, width);
            QCOMPARE(t, truth);
            QCOMPARE(p, predicted);
        }
    // A name no tile holds is cut in the middle, its start and end kept; the other stays whole.
    const auto [t, p] = PredictionDelegate::captionParts(fm, QStringLiteral("Sneaker"), longName, width);
    QCOMPARE(t, QStringLiteral("Sneaker"));
    QVERIFY2(p.startsWith(QStringLiteral("Ank")) && p.endsWith(QStringLiteral("hold")) && p.contains(QChar(0x2026)),
             qPrintable(p));
    // The tiles' tooltips have both names whole.
    QStringList tips;
    for (int row = 0; row < gallery->model()->rowCount(); ++row)
        tips << gallery->model()->index(row, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tips.join(QLatin1Char('\n')).contains(QStringLiteral("true: T-shirt/top, predicted: Ankle boot")),
             qPrintable(tips.join(QLatin1Char('\n'))));
}

void TestPredictionsPanel::confusionMatrixNormalisesAndExports()
{
    PredictionsPanel panel;
    panel.setInspection(m_inspection);
    ConfusionMatrixView *matrix = panel.confusionView();
    QCOMPARE(matrix->cellText(0, 0), QStringLiteral("2"));
    matrix->setNormalized(true);
    QCOMPARE(matrix->cellText(0, 0), QLocale().toString(0.5, 'f', 2));
    QCOMPARE(matrix->cellText(2, 2), QLocale().toString(0.75, 'f', 2));
    const QString png = m_dir.filePath(QStringLiteral("confusion.png"));
    QVERIFY(panel.exportConfusionPng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 3 * 40 && image.height() >= 3 * 40);
    QVERIFY(!panel.exportConfusionPng(m_dir.filePath(QStringLiteral("no/such/folder/confusion.png"))));
}

void TestPredictionsPanel::nextPreviousKeysStayInFilteredGallery()
{
    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(m_inspection);
    panel.setMispredictedOnly(true);
    const QStringList gallery = panel.galleryPaths();
    QCOMPARE(gallery.size(), 5);
    panel.showImage(gallery.at(0));
    QCOMPARE(panel.currentPath(), gallery.at(0));
    panel.viewer()->setFocus();
    QTest::keyClick(panel.viewer(), Qt::Key_Right);
    QCOMPARE(panel.currentPath(), gallery.at(1));
    QTest::keyClick(panel.viewer(), Qt::Key_Right);
    QCOMPARE(panel.currentPath(), gallery.at(2));
    QTest::keyClick(panel.viewer(), Qt::Key_Left);
    QCOMPARE(panel.currentPath(), gallery.at(1));
    for (int i = 0; i < 8; ++i)
        QTest::keyClick(panel.viewer(), Qt::Key_Right);
    QCOMPARE(panel.currentPath(), gallery.back()); // stops at the last image of the filtered gallery
    // The viewer shows the image the key moved to.
    QTRY_COMPARE(panel.viewer()->path(), gallery.back());
    QTRY_VERIFY(panel.viewer()->statusText().contains(QStringLiteral(" px")));

    // Another dataset: nothing of this one's image stays on screen, not even its size and zoom.
    QTemporaryDir other;
    test::writeImage(other.filePath(QStringLiteral("a/1.png")), 16, 16);
    panel.setInspection(inspect(other.path()));
    QCOMPARE(panel.viewer()->path(), QString());
    QCOMPARE(panel.viewer()->statusText(), QString());
}

void TestPredictionsPanel::sidePanelShowsTopClassesAndHistory()
{
    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(m_inspection);
    QVERIFY(panel.showImage(QDir(m_images).filePath(imageName(2)))); // a cat called dog, 70 %
    QVERIFY(panel.detailText(QStringLiteral("truth")).contains(QStringLiteral("cat")));
    QVERIFY(panel.detailText(QStringLiteral("predicted")).contains(QStringLiteral("dog")));
    QVERIFY2(panel.detailText(QStringLiteral("top1")).startsWith(QStringLiteral("dog")), qPrintable(panel.detailText(QStringLiteral("top1"))));
    QVERIFY(panel.detailText(QStringLiteral("top1")).contains(QStringLiteral("70")));
    QVERIFY(panel.detailText(QStringLiteral("top2")).startsWith(QStringLiteral("cat")));
    QVERIFY(panel.detailText(QStringLiteral("top3")).startsWith(QStringLiteral("fox")));
    QVERIFY(panel.detailText(QStringLiteral("confidence")).contains(QStringLiteral("70")));
    // Across epochs: right at epoch 1, wrong after, one flip.
    QCOMPARE(panel.historyPlot()->pointCount(), 3);
    QCOMPARE(panel.historyPlot()->wrongCount(), 2);
    QCOMPARE(panel.historyPlot()->flipCount(), 1);
    QVERIFY(panel.showImage(QDir(m_images).filePath(imageName(0)))); // right throughout
    QCOMPARE(panel.historyPlot()->wrongCount(), 0);
    QCOMPARE(panel.historyPlot()->flipCount(), 0);
    QTRY_VERIFY(!panel.viewer()->image().isNull());
}

void TestPredictionsPanel::relabelUndoRedoSave()
{
    QTemporaryDir dir;
    const QString labels = makeFixture(dir.filePath(QStringLiteral("data")));
    const QString images = dir.filePath(QStringLiteral("data/img"));
    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.setInspection(inspect(labels));
    QSignalSpy reload(&panel, &PredictionsPanel::reloadRequested);
    QSignalSpy saved(&panel, &PredictionsPanel::labelsSaved);
    const QString cat2 = QDir(images).filePath(imageName(2));
    const QString dog6 = QDir(images).filePath(imageName(6));

    QVERIFY(!panel.saveLabelsAction()->isEnabled());
    QVERIFY(panel.relabel(cat2, QStringLiteral("dog")));
    QVERIFY(!panel.relabel(dog6, QStringLiteral("dog"))); // already its label: nothing to undo
    QVERIFY(panel.relabel(dog6, QStringLiteral("wolf"))); // a new class
    QCOMPARE(panel.undoStack()->count(), 2);
    QCOMPARE(panel.pendingLabels().size(), 2);
    // The gallery shows the pending label.
    const QModelIndex row = panel.model()->index(panel.model()->rowOfPath(cat2));
    QCOMPARE(row.data(PredictionModel::PendingLabelRole).toString(), QStringLiteral("dog"));

    // Undo and redo through the page's shortcuts.
    panel.gallery()->setFocus();
    QTest::keySequence(panel.gallery(), QKeySequence::Undo);
    QCOMPARE(panel.pendingLabels().size(), 1);
    QVERIFY(!panel.pendingLabels().contains(dog6));
    QTest::keySequence(panel.gallery(), QKeySequence::Undo);
    QCOMPARE(panel.pendingLabels().size(), 0);
    QCOMPARE(row.data(PredictionModel::PendingLabelRole).toString(), QString());
    // The message line follows the undo: no "will be labelled … when you save" left behind.
    QCOMPARE(panel.messageText(),
             QStringLiteral("%1 keeps its label cat. No label changes pending.").arg(imageName(2)));
    QVERIFY(!panel.saveLabelsAction()->isEnabled());
    panel.redoAction()->trigger();
    QTest::keySequence(panel.gallery(), QKeySequence::Redo);
    QCOMPARE(panel.pendingLabels().size(), 2);
    QCOMPARE(panel.pendingLabels().value(dog6), QStringLiteral("wolf"));
    QCOMPARE(int(panel.pendingEdits().size()), 2);

    // A later edit of the same image wins; an edit back to the original cancels it.
    QVERIFY(panel.relabel(cat2, QStringLiteral("fox")));
    QVERIFY(panel.relabel(cat2, QStringLiteral("cat")));
    QCOMPARE(int(panel.pendingEdits().size()), 1);
    panel.undoAction()->trigger();
    QCOMPARE(panel.pendingLabels().value(cat2), QStringLiteral("fox"));

    const QString before = readText(labels);
    QVERIFY(panel.saveLabelsAction()->isEnabled());
    // The save runs on a worker thread: the trigger returns at once with the page busy and closed to
    // input, and nothing is written until the worker gets to it (here: until the test lets it).
    QSemaphore letItWrite;
    std::atomic<QThread *> writer{nullptr};
    panel.labelSaver()->setSaveFunction([&](const Dataset &dataset, const std::vector<LabelEdit> &edits) {
        writer = QThread::currentThread();
        letItWrite.tryAcquire(1, 10000); // a save on the GUI thread would stall here, then fail below
        return saveLabelEdits(dataset, edits);
    });
    QSignalSpy finished(&panel, &PredictionsPanel::saveFinished);
    panel.saveLabelsAction()->trigger();
    QCOMPARE(saved.count(), 0);
    QVERIFY(panel.isSavingLabels());
    QVERIFY(panel.saveProgress()->isVisible());
    QVERIFY(!panel.gallery()->isEnabled());
    QVERIFY(!panel.saveLabelsAction()->isEnabled());
    QVERIFY(!panel.undoAction()->isEnabled());
    QVERIFY(!panel.relabel(dog6, QStringLiteral("cat"))); // no new edits while the files are written
    QTRY_VERIFY(writer.load() != nullptr);
    QVERIFY(writer.load() != QThread::currentThread());
    QCOMPARE(readText(labels), before);
    QCOMPARE(saved.count(), 0);
    letItWrite.release();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(reload.count(), 1);
    QVERIFY(!panel.isSavingLabels());
    QVERIFY(!panel.saveProgress()->isVisible());
    QVERIFY(panel.gallery()->isEnabled());
    QVERIFY(!panel.hasUnsavedEdits());
    QCOMPARE(panel.undoStack()->count(), 0);
    const QString after = readText(labels);
    QVERIFY2(after.contains(QStringLiteral("img/img02.png,fox")), qPrintable(after));
    QVERIFY2(after.contains(QStringLiteral("img/img06.png,wolf")), qPrintable(after));
    QVERIFY(after.contains(QStringLiteral("img/img00.png,cat")));
    // The backup holds the CSV as it was, and the page says where it is.
    const QString backup = saved.first().at(0).toString();
    QVERIFY(QFileInfo(backup).isDir());
    QCOMPARE(readText(QDir(backup).filePath(QStringLiteral("labels.csv"))), before);
    QVERIFY2(panel.messageText().contains(QDir::toNativeSeparators(backup)), qPrintable(panel.messageText()));

    // The window reloads: the same run and image come back, the dataset's new label is shown.
    panel.showImage(cat2);
    panel.setInspection(nullptr);
    panel.setInspection(inspect(labels));
    QCOMPARE(panel.currentPath(), cat2);
    QVERIFY(panel.detailText(QStringLiteral("truth")).contains(QStringLiteral("fox")));
}

void TestPredictionsPanel::folderRelabelMovesAndTheImageStaysFound()
{
    // Class folders: a relabel moves the file; the run's predictions still name the old path.
    QTemporaryDir tmp;
    const QString root = tmp.filePath(QStringLiteral("folders"));
    PredictionSet set;
    set.classes = kClasses;
    set.split = QStringLiteral("dev");
    set.epoch = 1;
    for (int i = 0; i < 6; ++i) {
        const QString path = QDir(root).filePath(kClasses[i / 2] + QLatin1Char('/') + imageName(i));
        writeImage(path, 24, 24, greyOf(i));
        Prediction p;
        p.path = path;
        p.truth = i / 2;
        p.predicted = i == 1 ? 1 : i / 2;
        p.confidence = 0.9f;
        p.probabilities.assign(3, 0.05f);
        p.probabilities[std::size_t(p.predicted)] = 0.9f;
        p.loss = -std::log(p.probabilities[std::size_t(p.truth)]);
        set.items.push_back(p);
    }
    const QString run = QDir(root).filePath(QStringLiteral("loupe-runs/") + QLatin1String(kNewestRun));
    QJsonObject json = TrainConfig().toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), root},
                                                  {QStringLiteral("classes"), QJsonArray::fromStringList(kClasses)}};
    QCOMPARE(runfolder::writeConfig(run, json), QString());
    QCOMPARE(predictionfiles::write(predictionfiles::devPath(run), set), QString());

    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.setInspection(inspect(root));
    const QString before = QDir(root).filePath(QStringLiteral("cat/") + imageName(1));
    const QString after = QDir(root).filePath(QStringLiteral("dog/") + imageName(1));
    QVERIFY(panel.relabel(before, QStringLiteral("dog")));
    QSignalSpy finished(&panel, &PredictionsPanel::saveFinished);
    panel.saveLabelsAction()->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(QFileInfo::exists(after) && !QFileInfo::exists(before));
    // The message says what really happened: a move, listed in moves.tsv (no copies of images).
    QVERIFY2(panel.messageText().contains(QStringLiteral("Moved 1 image to its new class folder")),
             qPrintable(panel.messageText()));
    QVERIFY2(panel.messageText().contains(QStringLiteral("moves.tsv")), qPrintable(panel.messageText()));

    // Read again, as the window does after a save: the moved image is still this prediction's.
    panel.setInspection(inspect(root));
    const int row = panel.model()->rowOfPath(after);
    QVERIFY(row >= 0);
    QCOMPARE(panel.model()->index(row).data(PredictionModel::SampleIndexRole).toInt() >= 0, true);
    QVERIFY(panel.showImage(after));
    QTRY_COMPARE(panel.viewer()->path(), after);
}

void TestPredictionsPanel::failedSaveKeepsEdits()
{
    QTemporaryDir dir;
    const QString labels = makeFixture(dir.filePath(QStringLiteral("data")));
    const QString images = dir.filePath(QStringLiteral("data/img"));
    PredictionsPanel panel;
    panel.setInspection(inspect(labels));
    QSignalSpy reload(&panel, &PredictionsPanel::reloadRequested);
    QVERIFY(panel.relabel(QDir(images).filePath(imageName(3)), QStringLiteral("fox")));
    // Someone edits the CSV after the dataset was opened: the save must refuse and lose nothing.
    QString csv = readText(labels);
    csv.replace(QStringLiteral("img/img03.png,cat"), QStringLiteral("img/img03.png,dog"));
    writeBytes(labels, csv.toUtf8());
    QSignalSpy finished(&panel, &PredictionsPanel::saveFinished);
    QVERIFY(panel.saveLabels()); // started; the outcome comes from the worker thread
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!finished.first().at(0).toBool());
    QCOMPARE(reload.count(), 0);
    QVERIFY(panel.hasUnsavedEdits());
    QCOMPARE(panel.undoStack()->count(), 1);
    QVERIFY2(panel.messageText().contains(QStringLiteral("not saved")), qPrintable(panel.messageText()));
    QVERIFY2(panel.messageText().contains(QStringLiteral("labels.csv")), qPrintable(panel.messageText()));
    QCOMPARE(readText(labels), csv);
    QVERIFY(panel.saveLabelsAction()->isEnabled());
}

void TestPredictionsPanel::gradCamOverlayOnATinyRun()
{
    // A real run (a few seconds): Grad-CAM needs a checkpoint the Explainer can load.
    QTemporaryDir dir;
    const QString labels = makeFixture(dir.filePath(QStringLiteral("data")));
    const InspectionPtr inspection = inspect(labels);
    const QString run = dir.filePath(QStringLiteral("data/loupe-runs/20270101-000000"));
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 32;
    c.batchSize = 4;
    c.epochs = 1;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.devFraction = 0.34;
    c.threads = 2;
    c.loaderThreads = 1;
    c.augmentFile = QStringLiteral("none");
    Trainer trainer(inspection->dataset, c, run);
    const TrainResult result = trainer.run();
    QCOMPARE(result.outcome, TrainOutcome::Completed);
    QVERIFY(QFileInfo::exists(predictionfiles::devPath(run)));

    PredictionsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setInspection(inspection);
    QCOMPARE(QFileInfo(panel.currentRunDir()).fileName(), QStringLiteral("20270101-000000")); // newest first
    QVERIFY(panel.model()->rowCount() > 0);
    QTRY_VERIFY(!panel.viewer()->image().isNull());
    const QImage plain = panel.viewer()->image();
    QSignalSpy finished(&panel, &PredictionsPanel::heatmapFinished);
    panel.setHeatmapMode(PredictionsPanel::HeatmapMode::Predicted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(panel.heatmapShown());
    // At 32 px ResNet's last feature map is one cell: the page says so and what size helps.
    auto *status = panel.findChild<QLabel *>(QStringLiteral("predictionViewerStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("1 × 1 cells")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("224 px")), qPrintable(status->text()));
    QCOMPARE(panel.viewer()->image().size(), plain.size());
    QVERIFY(panel.viewer()->image() != plain.convertToFormat(panel.viewer()->image().format()));
    // Off again: the plain image.
    panel.setHeatmapMode(PredictionsPanel::HeatmapMode::Off);
    QVERIFY(!panel.heatmapShown());
    QCOMPARE(panel.viewer()->image().convertToFormat(QImage::Format_RGB32), plain.convertToFormat(QImage::Format_RGB32));
    // The truth's map for the next image comes once its image is shown.
    panel.setHeatmapMode(PredictionsPanel::HeatmapMode::Truth);
    panel.step(1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(panel.heatmapShown());
}

void TestPredictionsPanel::screenshotWritesPng()
{
    const QString out = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess loupe;
    loupe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    loupe.setProcessEnvironment(env);
    loupe.start(QStringLiteral(LOUPE_APP),
                {m_labels, QStringLiteral("--panel"), QStringLiteral("predictions"), QStringLiteral("--screenshot"), out});
    QVERIFY(loupe.waitForFinished(60000));
    QCOMPARE(loupe.exitCode(), 0);
    const QImage shot(out);
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 600);

    // What a user sees: the run's images. Each is a flat grey, shown in the gallery as a 112-pixel
    // block of that grey (~11,000 pixels; fewer in a row cut off at the bottom). The viewer shows
    // one image and the window's own greys could match one more: six or more greys in large
    // blocks mean the gallery drew thumbnails of the run's images (an empty page has two).
    QList<QRgb> greys;
    for (int i = 0; i < 12; ++i)
        greys.append(qRgb(greyOf(i), greyOf(i), greyOf(i)));
    const QRgb right = PredictionDelegate::rightColor().rgb();
    const QRgb wrong = PredictionDelegate::wrongColor().rgb();
    const std::map<QRgb, int> counts = countColours(shot, greys + QList<QRgb>{right, wrong});
    int thumbnails = 0;
    QStringList found;
    for (QRgb grey : greys) {
        found.append(QString::number(counts.at(grey)));
        if (counts.at(grey) >= 3000)
            ++thumbnails;
    }
    QVERIFY2(thumbnails >= 6,
             qPrintable(QStringLiteral("pixels of each image grey: ") + found.join(QStringLiteral(", "))));
    // The verdicts: green ticks and red crosses on the tiles (5 of the 12 predictions are wrong).
    QVERIFY2(counts.at(right) >= 100, qPrintable(QString::number(counts.at(right))));
    QVERIFY2(counts.at(wrong) >= 100, qPrintable(QString::number(counts.at(wrong))));
}

QTEST_MAIN(TestPredictionsPanel)
#include "tst_predictionspanel.moc"
