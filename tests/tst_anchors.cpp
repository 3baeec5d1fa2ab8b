// Anchors tuned from the training boxes: coverage (the share of boxes whose best anchor has IoU ≥ 0.5)
// for RetinaNet's defaults and for the tuned anchors, box sizes at the model's input scale, `--anchors`.

#include "model/AnchorTuning.h"

#include <QtTest>

#include <random>

using namespace loupe;

namespace {

std::vector<QSizeF> repeated(const QSizeF &size, int n)
{
    return std::vector<QSizeF>(std::size_t(n), size);
}

} // namespace

class TestAnchors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retinaNetDefaults();
    void centredIouByHand();
    void coverageCountsBestAnchors();
    void tunedOnSmallSquares();
    void tunedOnTwoClusters();
    void tunedOnSpreadBoxes();
    void defaultsKeptWhenTheyFit();
    void boxesWithoutAreaAreLeftOut();
    void sizesAtInputScale();
    void parsesSettings();
    void badSettingsSayWhy_data();
    void badSettingsSayWhy();
};

void TestAnchors::retinaNetDefaults()
{
    const AnchorConfig c = AnchorConfig::retinaNet();
    QCOMPARE(c.strides, (std::vector<int> {8, 16, 32, 64, 128}));
    QCOMPARE(c.anchorsPerLevel(), 9);
    const std::vector<QSizeF> shapes = c.shapes();
    QCOMPARE(int(shapes.size()), 45);
    // Level 0, scale 2^0, ratio 0.5 (height / width): 45.25 × 22.63, area 32².
    QVERIFY(qAbs(shapes[0].width() - 32 * std::sqrt(2.0)) < 1e-9);
    QVERIFY(qAbs(shapes[0].height() - 32 / std::sqrt(2.0)) < 1e-9);
    QCOMPARE(shapes[1], QSizeF(32, 32));
    QVERIFY(qAbs(shapes.back().width() - 512 * std::pow(2.0, 2.0 / 3) / std::sqrt(2.0)) < 1e-9);
    QCOMPARE(c.toString(), QStringLiteral("32,64,128,256,512:0.5,1,2"));
}

void TestAnchors::centredIouByHand()
{
    QCOMPARE(centredIou(QSizeF(6, 6), QSizeF(32, 32)), 36.0 / 1024.0);
    QCOMPARE(centredIou(QSizeF(40, 10), QSizeF(20, 20)), 200.0 / (400 + 400 - 200));
    QCOMPARE(centredIou(QSizeF(8, 8), QSizeF(8, 8)), 1.0);
    QCOMPARE(centredIou(QSizeF(0, 8), QSizeF(8, 8)), 0.0);
}

void TestAnchors::coverageCountsBestAnchors()
{
    const AnchorConfig c = AnchorConfig::retinaNet();
    // 32×32 is an anchor and 40×40 nearly 32·2^(1/3); 6×6 and 5×7 are far below the smallest.
    std::vector<QSizeF> boxes = {QSizeF(32, 32), QSizeF(40, 40), QSizeF(6, 6), QSizeF(5, 7)};
    QCOMPARE(anchorCoverage(boxes, c), 0.5);
    QCOMPARE(anchorCoverage(repeated(QSizeF(6, 6), 10), c), 0.0);
    QCOMPARE(anchorCoverage({}, c), 0.0);
}

void TestAnchors::tunedOnSmallSquares()
{
    const AnchorTuningResult r = tuneAnchors(repeated(QSizeF(6, 6), 50));
    QCOMPARE(r.boxes, 50);
    QCOMPARE(r.initialCoverage, 0.0);
    QCOMPARE(r.tunedCoverage, 1.0);
    QCOMPARE(r.tunedMeanIou, 1.0);
    // The finest level's anchor is the boxes' size, and the levels double from it as the strides do.
    QCOMPARE(r.tuned.sizes, (std::vector<double> {6, 12, 24, 48, 96}));
    QCOMPARE(r.tuned.strides, AnchorConfig::retinaNet().strides);
    QVERIFY2(r.describe().contains(QLatin1String("100.0%")), qPrintable(r.describe()));
    QVERIFY2(r.describe().contains(QLatin1String("0.0%")), qPrintable(r.describe()));
}

void TestAnchors::tunedOnTwoClusters()
{
    // Small square pits and long thin scratches (height / width 0.25): neither fits RetinaNet's anchors.
    std::vector<QSizeF> boxes = repeated(QSizeF(6, 6), 40);
    const std::vector<QSizeF> scratches = repeated(QSizeF(40, 10), 40);
    boxes.insert(boxes.end(), scratches.begin(), scratches.end());
    const AnchorTuningResult r = tuneAnchors(boxes);
    QCOMPARE(r.initialCoverage, 0.0);
    QCOMPARE(r.tunedCoverage, 1.0);
    const auto hasRatio = [&](double want) {
        for (double v : r.tuned.ratios)
            if (qAbs(v - want) < 0.03)
                return true;
        return false;
    };
    QVERIFY2(hasRatio(0.25), qPrintable(r.tuned.toString()));
    QVERIFY2(hasRatio(1.0), qPrintable(r.tuned.toString()));
    QVERIFY2(r.tuned.sizes.front() <= 6.0, qPrintable(r.tuned.toString()));
    // Each cluster has an anchor of its own at IoU ≥ 0.5.
    QCOMPARE(anchorCoverage(repeated(QSizeF(6, 6), 1), r.tuned), 1.0);
    QCOMPARE(anchorCoverage(repeated(QSizeF(40, 10), 1), r.tuned), 1.0);
}

void TestAnchors::tunedOnSpreadBoxes()
{
    // Defects 3–24 px on a side, height / width between 1/3 and 3.
    std::mt19937 rng(13);
    std::uniform_real_distribution<double> side(std::log(3.0), std::log(24.0));
    std::uniform_real_distribution<double> ratio(std::log(1.0 / 3), std::log(3.0));
    std::vector<QSizeF> boxes;
    for (int i = 0; i < 600; ++i) {
        const double s = std::exp(side(rng)), r = std::exp(ratio(rng));
        boxes.emplace_back(s / std::sqrt(r), s * std::sqrt(r));
    }
    const AnchorTuningResult r = tuneAnchors(boxes);
    QVERIFY2(r.initialCoverage < 0.05, qPrintable(r.describe()));
    QVERIFY2(r.tunedCoverage > 0.9, qPrintable(r.describe()));
    QCOMPARE(anchorCoverage(boxes, r.tuned), r.tunedCoverage);
    QVERIFY(r.tuned.sizes.front() < 8);
}

void TestAnchors::defaultsKeptWhenTheyFit()
{
    // Boxes that are RetinaNet's own anchors: coverage is already complete, nothing better to find.
    const std::vector<QSizeF> boxes = AnchorConfig::retinaNet().shapes();
    const AnchorTuningResult r = tuneAnchors(boxes);
    QCOMPARE(r.initialCoverage, 1.0);
    QCOMPARE(r.tunedCoverage, 1.0);
    QCOMPARE(r.tuned.toString(), QStringLiteral("32,64,128,256,512:0.5,1,2"));
}

void TestAnchors::boxesWithoutAreaAreLeftOut()
{
    std::vector<QSizeF> boxes = repeated(QSizeF(6, 6), 10);
    boxes.emplace_back(0, 6);
    boxes.emplace_back(6, -1);
    boxes.emplace_back(qQNaN(), 6);
    const AnchorTuningResult r = tuneAnchors(boxes);
    QCOMPARE(r.boxes, 10);
    QCOMPARE(r.skipped, 3);
    QCOMPARE(r.tunedCoverage, 1.0);

    const AnchorTuningResult none = tuneAnchors({});
    QCOMPARE(none.boxes, 0);
    QCOMPARE(none.tuned.toString(), AnchorConfig::retinaNet().toString());
    QVERIFY2(none.describe().contains(QLatin1String("no boxes")), qPrintable(none.describe()));
}

void TestAnchors::sizesAtInputScale()
{
    // 1600×1200 in 4×4 tiles of 424×324 (32 px overlap), each resized to 212×162: boxes at half size.
    const TileGrid grid(QSize(1600, 1200), {4, 4}, 32);
    const std::vector<QRectF> boxes = {
        QRectF(100, 100, 20, 10), // inside tile 0
        QRectF(410, 10, 20, 10), // across tile 0's right edge, whole in tile 1
        QRectF(414, 400, 20, 10), // tile 0 keeps 10 px, tile 1 (from 392) all of it
        QRectF(1590, 1190, 20, 20), // a quarter inside the image: left out
        QRectF(50, 50, 0, 10), // no area: left out
    };
    const std::vector<QSizeF> sizes = boxSizesAtInputScale(boxes, grid, QSizeF(212, 162));
    QCOMPARE(int(sizes.size()), 3);
    QCOMPARE(sizes[0], QSizeF(10, 5));
    QCOMPARE(sizes[1], QSizeF(10, 5));
    QCOMPARE(sizes[2], QSizeF(10, 5));

    // The whole image resized to 400×300: 6 px defects shrink to 1.5 px, which no tuning can save.
    const std::vector<QSizeF> whole
        = boxSizesAtInputScale({QRectF(800, 600, 6, 6)}, TileGrid(QSize(1600, 1200)), QSizeF(400, 300));
    QCOMPARE(whole.front(), QSizeF(1.5, 1.5));
    // No input size: tile pixels as they are.
    QCOMPARE(boxSizesAtInputScale({QRectF(100, 100, 20, 10)}, grid, QSizeF()).front(), QSizeF(20, 10));
}

void TestAnchors::parsesSettings()
{
    QVERIFY(parseAnchorSetting(QStringLiteral("auto")).automatic);
    QVERIFY(parseAnchorSetting(QStringLiteral(" AUTO ")).automatic);
    const AnchorSetting s = parseAnchorSetting(QStringLiteral("8,16,32,64,128:0.5,1,2"));
    QVERIFY(!s.automatic);
    QCOMPARE(s.config.sizes, (std::vector<double> {8, 16, 32, 64, 128}));
    QCOMPARE(s.config.ratios, (std::vector<double> {0.5, 1, 2}));
    QCOMPARE(s.config.strides, AnchorConfig::retinaNet().strides);
    QCOMPARE(s.config.anchorsPerLevel(), 9);
    QCOMPARE(s.config.toString(), QStringLiteral("8,16,32,64,128:0.5,1,2"));
    // One ratio, sizes not doubling: still anchors.
    const AnchorSetting one = parseAnchorSetting(QStringLiteral("6, 10, 20, 50, 90 : 0.25"));
    QCOMPARE(one.config.ratios, (std::vector<double> {0.25}));
    QCOMPARE(one.config.anchorsPerLevel(), 3);
    // The form toString() writes is read back to the same anchors.
    const AnchorConfig tuned = tuneAnchors(repeated(QSizeF(6, 6), 5)).tuned;
    QCOMPARE(parseAnchorSetting(tuned.toString()).config.toString(), tuned.toString());
}

void TestAnchors::badSettingsSayWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no ratios") << "8,16,32,64,128"
                               << "anchors \"8,16,32,64,128\": expected auto or SIZES:RATIOS, such as "
                                  "32,64,128,256,512:0.5,1,2";
    QTest::newRow("two colons") << "8:1:2"
                                << "anchors \"8:1:2\": expected auto or SIZES:RATIOS, such as "
                                   "32,64,128,256,512:0.5,1,2";
    QTest::newRow("word") << "big"
                          << "anchors \"big\": expected auto or SIZES:RATIOS, such as 32,64,128,256,512:0.5,1,2";
    QTest::newRow("too few sizes") << "8,16:1"
                                   << "anchors \"8,16:1\": 2 sizes given; the detector has 5 pyramid levels "
                                      "(strides 8, 16, 32, 64, 128), one size each";
    QTest::newRow("not a number") << "8,x,32,64,128:1"
                                  << "anchors \"8,x,32,64,128:1\": \"x\" is not a positive number";
    QTest::newRow("empty ratios") << "8,16,32,64,128:"
                                  << "anchors \"8,16,32,64,128:\": \"\" is not a positive number";
    QTest::newRow("zero ratio") << "8,16,32,64,128:0,1"
                                << "anchors \"8,16,32,64,128:0,1\": \"0\" is not a positive number";
    QTest::newRow("negative size") << "-8,16,32,64,128:1"
                                   << "anchors \"-8,16,32,64,128:1\": \"-8\" is not a positive "
                                      "number";
    QTest::newRow("decreasing") << "64,32,128,256,512:1"
                                << "anchors \"64,32,128,256,512:1\": sizes must increase from the finest pyramid "
                                   "level to the coarsest";
}

void TestAnchors::badSettingsSayWhy()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        parseAnchorSetting(text);
        QFAIL("no error");
    } catch (const AnchorError &e) {
        QCOMPARE(e.message(), expected);
    }
}

QTEST_GUILESS_MAIN(TestAnchors)
#include "tst_anchors.moc"
