// Tiles and the region of interest: how an image is laid out in overlapping tiles, how its objects
// become each tile's targets, and how tiles' boxes and masks come back to the whole image.

#include "augment/TileTargets.h"
#include "imaging/Tiling.h"

#include <QtTest>

#include <opencv2/core.hpp>

using namespace loupe;

namespace {

const Annotation *findBox(const std::vector<Annotation> &objects, const QRectF &box)
{
    for (const Annotation &a : objects)
        if (qAbs(a.box.x() - box.x()) < 1e-9 && qAbs(a.box.y() - box.y()) < 1e-9
            && qAbs(a.box.width() - box.width()) < 1e-9 && qAbs(a.box.height() - box.height()) < 1e-9)
            return &a;
    return nullptr;
}

Annotation object(int classId, const QRectF &box)
{
    Annotation a;
    a.classId = classId;
    a.box = box;
    return a;
}

// Two tiles side by side over 200×100 with 20 px overlap: x 0–110 and 90–200.
TileGrid twoAcross()
{
    return TileGrid(QSize(200, 100), TileCount {1, 2}, 20);
}

} // namespace

class TestTiling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void layoutCoversTheRegion_data();
    void layoutCoversTheRegion();
    void knownLayout();
    void regionIsClippedToTheImage();
    void badLayoutsSayWhy_data();
    void badLayoutsSayWhy();
    void parsesTileCounts();
    void badTileCountsSayWhy_data();
    void badTileCountsSayWhy();
    void parsesRoi();
    void badRoisSayWhy_data();
    void badRoisSayWhy();
    void cutsViewsAndCopies();
    void objectsIntoTilesAndBack();
    void halfAreaRule();
    void polygonsAndCrowdsInTiles();
    void predictionsBackToTheImage();
    void nmsMergesABoxSeenByTwoTiles();
    void cutBoxGivesWayToTheWholeOne();
    void nmsThresholdIsStrict();
    void masksStitchBack();
    void overlapsTakeTheNearestCentre();
    void averagedScores();
    void wrongMasksAreRefused();
};

void TestTiling::layoutCoversTheRegion_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QRect>("roi"); // null: whole image
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("overlap");
    QTest::newRow("4x4 of 1600x1200, 32 px") << QSize(1600, 1200) << QRect() << 4 << 4 << 32;
    QTest::newRow("1x3, uneven width") << QSize(1001, 300) << QRect() << 1 << 3 << 10;
    QTest::newRow("2x2 ROI") << QSize(800, 600) << QRect(100, 50, 500, 401) << 2 << 2 << 20;
    QTest::newRow("3x5 no overlap") << QSize(317, 211) << QRect() << 3 << 5 << 0;
    QTest::newRow("1x1 ROI") << QSize(640, 480) << QRect(10, 20, 300, 200) << 1 << 1 << 16;
    QTest::newRow("5x7 odd ROI") << QSize(1024, 768) << QRect(13, 7, 999, 701) << 5 << 7 << 24;
}

void TestTiling::layoutCoversTheRegion()
{
    QFETCH(QSize, image);
    QFETCH(QRect, roi);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, overlap);
    const TileGrid grid
        = roi.isNull() ? TileGrid(image, {rows, cols}, overlap) : TileGrid(image, {rows, cols}, overlap, roi);
    const QRect region = roi.isNull() ? QRect(QPoint(0, 0), image) : roi;
    QCOMPARE(grid.roi(), region);
    QCOMPARE(grid.count(), rows * cols);

    cv::Mat hits(image.height(), image.width(), CV_32S, cv::Scalar(0));
    for (const QRect &t : grid.tiles()) {
        QCOMPARE(t.size(), grid.tileSize());
        QVERIFY2(region.contains(t), "a tile leaves the region of interest");
        cv::Mat part = hits(cv::Rect(t.x(), t.y(), t.width(), t.height()));
        part += 1;
    }
    // Every pixel of the region is in a tile, and none outside it.
    cv::Mat inRegion = hits(cv::Rect(region.x(), region.y(), region.width(), region.height()));
    double lo = 0;
    cv::minMaxLoc(inRegion, &lo);
    QVERIFY(lo >= 1);
    QCOMPARE(cv::countNonZero(hits), region.width() * region.height());

    // Neighbours overlap by exactly the overlap; only the last one, shifted inward, may overlap more.
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c + 1 < cols; ++c) {
            const int shared = grid.tile(r, c).right() + 1 - grid.tile(r, c + 1).left();
            if (c + 2 < cols)
                QCOMPARE(shared, overlap);
            else
                QVERIFY(shared >= overlap && shared < overlap + cols);
        }
        QCOMPARE(grid.tile(r, cols - 1).right(), region.right());
    }
    for (int c = 0; c < cols; ++c) {
        for (int r = 0; r + 1 < rows; ++r) {
            const int shared = grid.tile(r, c).bottom() + 1 - grid.tile(r + 1, c).top();
            if (r + 2 < rows)
                QCOMPARE(shared, overlap);
            else
                QVERIFY(shared >= overlap && shared < overlap + rows);
        }
        QCOMPARE(grid.tile(rows - 1, c).bottom(), region.bottom());
    }
}

void TestTiling::knownLayout()
{
    // 1600 + 3 × 32 = 1696 = 4 × 424: four tiles of 424 px stepping by 392.
    const TileGrid grid(QSize(1600, 1200), {4, 4}, 32);
    QCOMPARE(grid.tileSize(), QSize(424, 324));
    QCOMPARE(grid.tile(0, 0), QRect(0, 0, 424, 324));
    QCOMPARE(grid.tile(1, 2), QRect(784, 292, 424, 324));
    QCOMPARE(grid.tile(3, 3), QRect(1176, 876, 424, 324));

    // 1001 px in three: 341 px tiles at 0, 331 and (shifted inward by 2) 660.
    const TileGrid uneven(QSize(1001, 100), {1, 3}, 10);
    QCOMPARE(uneven.tile(0), QRect(0, 0, 341, 100));
    QCOMPARE(uneven.tile(1), QRect(331, 0, 341, 100));
    QCOMPARE(uneven.tile(2), QRect(660, 0, 341, 100));

    const TileGrid whole(QSize(640, 480));
    QCOMPARE(whole.count(), 1);
    QCOMPARE(whole.tile(0), QRect(0, 0, 640, 480));
}

void TestTiling::regionIsClippedToTheImage()
{
    const TileGrid grid(QSize(800, 600), {2, 2}, 10, QRect(700, 500, 300, 300));
    QCOMPARE(grid.roi(), QRect(700, 500, 100, 100));
    for (const QRect &t : grid.tiles())
        QVERIFY(QRect(0, 0, 800, 600).contains(t));
}

void TestTiling::badLayoutsSayWhy_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QRect>("roi");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("overlap");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ROI outside") << QSize(800, 600) << QRect(900, 0, 100, 100) << 1 << 1 << 0
                                 << "the region of interest 900,0,100,100 lies outside the 800×600 image";
    QTest::newRow("ROI empty") << QSize(800, 600) << QRect(10, 10, 0, 50) << 1 << 1 << 0
                               << "the region of interest 10,10,0,50 is empty";
    QTest::newRow("overlap too big") << QSize(100, 100) << QRect() << 1 << 2 << 200
                                     << "2 tiles across with 200 px "
                                        "overlap do not fit a region "
                                        "100 px wide";
    QTest::newRow("more rows than pixels")
        << QSize(100, 5) << QRect() << 8 << 1 << 0 << "8 tiles down with 0 px overlap do not fit a region 5 px high";
    QTest::newRow("negative overlap") << QSize(100, 100) << QRect() << 2 << 2 << -4
                                      << "the tile overlap (-4 px) cannot be negative";
    QTest::newRow("zero rows") << QSize(100, 100) << QRect() << 0 << 2 << 0
                               << "0×2 tiles: rows and columns must be between 1 and 100";
}

void TestTiling::badLayoutsSayWhy()
{
    QFETCH(QSize, image);
    QFETCH(QRect, roi);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, overlap);
    QFETCH(QString, expected);
    try {
        if (roi.isNull())
            TileGrid(image, {rows, cols}, overlap);
        else
            TileGrid(image, {rows, cols}, overlap, roi);
        QFAIL("no error");
    } catch (const TilingError &e) {
        QVERIFY2(e.message().startsWith(expected), qPrintable(e.message()));
    }
}

void TestTiling::parsesTileCounts()
{
    QCOMPARE(parseTileCount(QStringLiteral("4x4")).rows, 4);
    const TileCount c = parseTileCount(QStringLiteral(" 2X3 "));
    QCOMPARE(c.rows, 2);
    QCOMPARE(c.cols, 3);
    QCOMPARE(parseTileCount(QStringLiteral("3×5")).cols, 5);
}

void TestTiling::badTileCountsSayWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("words") << "4by4"
                           << "tiles \"4by4\": expected rows x columns, such as 4x4";
    QTest::newRow("one number") << "4"
                                << "tiles \"4\": expected rows x columns, such as 4x4";
    QTest::newRow("empty") << ""
                           << "tiles \"\": expected rows x columns, such as 4x4";
    QTest::newRow("negative") << "-2x2"
                              << "tiles \"-2x2\": expected rows x columns, such as 4x4";
    QTest::newRow("zero") << "0x3"
                          << "tiles \"0x3\": rows and columns must be between 1 and 100";
    QTest::newRow("too many") << "4x500"
                              << "tiles \"4x500\": rows and columns must be between 1 and 100";
}

void TestTiling::badTileCountsSayWhy()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        parseTileCount(text);
        QFAIL("no error");
    } catch (const TilingError &e) {
        QCOMPARE(e.message(), expected);
    }
}

void TestTiling::parsesRoi()
{
    QCOMPARE(parseRoi(QStringLiteral("200,100,800,600")), QRect(200, 100, 800, 600));
    QCOMPARE(parseRoi(QStringLiteral(" 0, 0 ,5,7")), QRect(0, 0, 5, 7));
}

void TestTiling::badRoisSayWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("three numbers") << "1,2,3"
                                   << "region of interest \"1,2,3\": expected x,y,width,height in pixels, such as "
                                      "200,100,800,600";
    QTest::newRow("not a number") << "1,2,3,big"
                                  << "region of interest \"1,2,3,big\": \"big\" is not a whole number of pixels";
    QTest::newRow("fraction") << "1.5,2,3,4"
                              << "region of interest \"1.5,2,3,4\": \"1.5\" is not a whole number of pixels";
    QTest::newRow("zero width") << "1,2,0,5"
                                << "region of interest \"1,2,0,5\": width and height must be positive";
    QTest::newRow("negative x") << "-1,0,5,5"
                                << "region of interest \"-1,0,5,5\": x and y cannot be negative";
}

void TestTiling::badRoisSayWhy()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        parseRoi(text);
        QFAIL("no error");
    } catch (const TilingError &e) {
        QCOMPARE(e.message(), expected);
    }
}

void TestTiling::cutsViewsAndCopies()
{
    cv::Mat image(100, 200, CV_8UC3);
    cv::randu(image, 0, 256);
    const TileGrid grid = twoAcross();
    const std::vector<cv::Mat> views = grid.cutAll(image);
    QCOMPARE(int(views.size()), 2);
    QCOMPARE(views[1].cols, 110);
    QCOMPARE(cv::norm(views[1], image(cv::Rect(90, 0, 110, 100)), cv::NORM_INF), 0.0);
    QVERIFY(views[1].data == image.ptr(0, 90)); // a view, no copy

    const cv::Mat copy = grid.cut(image, 1, true);
    QVERIFY(copy.data != views[1].data);
    QCOMPARE(cv::norm(copy, views[1], cv::NORM_INF), 0.0);

    QVERIFY_THROWS_EXCEPTION(TilingError, grid.cut(cv::Mat(100, 199, CV_8UC3), 0));
}

void TestTiling::objectsIntoTilesAndBack()
{
    const TileGrid grid = twoAcross();
    const std::vector<Annotation> objects = {
        object(0, QRectF(20, 20, 30, 30)), // in tile 0 only
        object(1, QRectF(95, 10, 10, 10)), // in the overlap: both tiles, whole
        object(2, QRectF(100, 40, 20, 20)), // cut by tile 0's right edge at 110: half left there
        object(0, QRectF(150, 60, 8, 4.5)), // in tile 1 only
    };
    const std::vector<Annotation> left = objectsInTile(grid, 0, objects);
    const std::vector<Annotation> right = objectsInTile(grid, 1, objects);
    QCOMPARE(int(left.size()), 3);
    QCOMPARE(int(right.size()), 3);

    QVERIFY(findBox(left, QRectF(20, 20, 30, 30)));
    QVERIFY(findBox(left, QRectF(95, 10, 10, 10)));
    const Annotation *cut = findBox(left, QRectF(100, 40, 10, 20));
    QVERIFY2(cut, "the cut box is clipped to the tile");
    QCOMPARE(cut->classId, 2);

    QVERIFY(findBox(right, QRectF(5, 10, 10, 10)));
    QVERIFY(findBox(right, QRectF(10, 40, 20, 20)));
    QVERIFY(findBox(right, QRectF(60, 60, 8, 4.5)));

    // Back to the image: whole boxes exactly where they were; the cut one as its part in the tile.
    QCOMPARE(grid.toImage(1, QRectF(5, 10, 10, 10)), QRectF(95, 10, 10, 10));
    QCOMPARE(grid.toImage(1, QRectF(10, 40, 20, 20)), QRectF(100, 40, 20, 20));
    QCOMPARE(grid.toImage(1, QRectF(60, 60, 8, 4.5)), QRectF(150, 60, 8, 4.5));
    QCOMPARE(grid.toImage(0, cut->box), QRectF(100, 40, 10, 20));
    QCOMPARE(grid.toTile(1, QRectF(150, 60, 8, 4.5)), QRectF(60, 60, 8, 4.5));

    // With a ROI the tiles start at its corner.
    const TileGrid roiGrid(QSize(800, 600), {2, 2}, 10, QRect(100, 200, 400, 300));
    const std::vector<Annotation> inRoi = objectsInTile(roiGrid, 3, {object(0, QRectF(480, 480, 10, 10))});
    QCOMPARE(int(inRoi.size()), 1);
    const QRect t3 = roiGrid.tile(3);
    QCOMPARE(inRoi[0].box, QRectF(480 - t3.x(), 480 - t3.y(), 10, 10));
    QCOMPARE(roiGrid.toImage(3, inRoi[0].box), QRectF(480, 480, 10, 10));
}

void TestTiling::halfAreaRule()
{
    const TileGrid grid = twoAcross(); // tile 0: x < 110; tile 1: x ≥ 90
    const std::vector<Annotation> objects = {
        object(0, QRectF(105, 10, 10, 10)), // 5 of 10 px wide left in tile 0: exactly half, kept
        object(1, QRectF(106, 30, 10, 10)), // 4 of 10 in tile 0: dropped there
        object(2, QRectF(84, 50, 10, 10)), // 4 of 10 in tile 1: dropped there
        object(3, QRectF(85, 70, 10, 10)), // 5 of 10 in tile 1: kept
    };
    const std::vector<Annotation> left = objectsInTile(grid, 0, objects);
    const std::vector<Annotation> right = objectsInTile(grid, 1, objects);
    QCOMPARE(int(left.size()), 3);
    QVERIFY(findBox(left, QRectF(105, 10, 5, 10)));
    QVERIFY(!findBox(left, QRectF(106, 30, 4, 10)));
    QCOMPARE(int(right.size()), 3);
    QVERIFY(!findBox(right, QRectF(0, 50, 4, 10)));
    QVERIFY(findBox(right, QRectF(0, 70, 5, 10)));
    QCOMPARE(grid.keptFraction(0, QRectF(106, 30, 10, 10)), 0.4);
}

void TestTiling::polygonsAndCrowdsInTiles()
{
    const TileGrid grid = twoAcross();
    Annotation tri = object(0, QRectF(100, 0, 16, 10));
    tri.polygons = {{100, 0, 116, 0, 100, 10}};
    Annotation crowd = object(1, QRectF(0, 80, 100, 20)); // only 10 % in tile 1
    crowd.crowd = true;
    const std::vector<Annotation> left = objectsInTile(grid, 0, {tri, crowd});
    QCOMPARE(int(left.size()), 2);
    // The triangle is clipped at x = 110 (the tile's edge): a quadrilateral.
    QCOMPARE(left[0].box, QRectF(100, 0, 10, 10));
    QCOMPARE(int(left[0].polygons.size()), 1);
    QCOMPARE(int(left[0].polygons[0].size()), 8);
    for (std::size_t i = 0; i < left[0].polygons[0].size(); i += 2)
        QVERIFY(left[0].polygons[0][i] <= 110);
    const std::vector<Annotation> right = objectsInTile(grid, 1, {crowd});
    QCOMPARE(int(right.size()), 1);
    QVERIFY(right[0].crowd);
    QCOMPARE(right[0].box, QRectF(0, 80, 10, 20));
}

void TestTiling::predictionsBackToTheImage()
{
    const TileGrid grid(QSize(1600, 1200), {4, 4}, 32);
    // The tile (424×324) was resized to 212×162 for the model: boxes come back at twice the size.
    const QRectF back = grid.toImage(5, QRectF(10, 20, 5, 4), QSizeF(212, 162));
    QCOMPARE(back, QRectF(392 + 20, 292 + 40, 10, 8));
}

void TestTiling::nmsMergesABoxSeenByTwoTiles()
{
    const TileGrid grid = twoAcross();
    std::vector<std::vector<DetectedBox>> perTile(2);
    perTile[0] = {{QRectF(95, 10, 10, 10), 1, 0.8f}, {QRectF(20, 20, 30, 30), 0, 0.7f}};
    perTile[1] = {{QRectF(5.5, 10, 10, 10), 1, 0.9f}, // the same object, half a pixel off
        {QRectF(5, 10, 10, 10), 0, 0.6f}, // same place, another class: kept
        {QRectF(60, 60, 8, 4), 0, 0.5f}};
    const std::vector<DetectedBox> merged = grid.mergePredictions(perTile);
    QCOMPARE(int(merged.size()), 4);
    QCOMPARE(merged[0].box, QRectF(95.5, 10, 10, 10));
    QCOMPARE(merged[0].classId, 1);
    QCOMPARE(merged[0].score, 0.9f);
    QCOMPARE(merged[1].box, QRectF(20, 20, 30, 30));
    QCOMPARE(merged[2].box, QRectF(95, 10, 10, 10));
    QCOMPARE(merged[2].classId, 0);
    QCOMPARE(merged[3].box, QRectF(150, 60, 8, 4));
    for (std::size_t i = 1; i < merged.size(); ++i)
        QVERIFY(merged[i - 1].score >= merged[i].score);

    QVERIFY_THROWS_EXCEPTION(TilingError, grid.mergePredictions({perTile[0]}));
}

void TestTiling::cutBoxGivesWayToTheWholeOne()
{
    // An object at x 100–120: tile 0 sees its left half against its inner edge, tile 1 the whole of it.
    // Their IoU is 0.5, so NMS alone keeps both; the cut one is covered by the whole one and goes.
    const TileGrid grid = twoAcross();
    std::vector<std::vector<DetectedBox>> perTile(2);
    perTile[0] = {{QRectF(100, 40, 10, 20), 2, 0.95f}};
    perTile[1] = {{QRectF(10, 40, 20, 20), 2, 0.9f}};
    QVERIFY(grid.touchesInnerEdge(0, perTile[0][0].box));
    QVERIFY(!grid.touchesInnerEdge(1, perTile[1][0].box));
    const std::vector<DetectedBox> merged = grid.mergePredictions(perTile);
    QCOMPARE(int(merged.size()), 1);
    QCOMPARE(merged[0].box, QRectF(100, 40, 20, 20));
    QCOMPARE(merged[0].score, 0.9f);

    // The same at the model's input scale (tiles of 110×100 resized to 55×50).
    std::vector<std::vector<DetectedBox>> scaled(2);
    scaled[0] = {{QRectF(50, 20, 5, 10), 2, 0.95f}};
    scaled[1] = {{QRectF(5, 20, 10, 10), 2, 0.9f}};
    const std::vector<DetectedBox> mergedScaled = grid.mergePredictions(scaled, MergeOptions(), QSizeF(55, 50));
    QCOMPARE(int(mergedScaled.size()), 1);
    QCOMPARE(mergedScaled[0].box, QRectF(100, 40, 20, 20));

    MergeOptions off;
    off.cutBoxCovered = 0;
    QCOMPARE(int(grid.mergePredictions(perTile, off).size()), 2);

    // A box on the image's own edge is not cut by a tile: it stays.
    perTile[0] = {{QRectF(0, 40, 10, 20), 2, 0.95f}};
    perTile[1] = {{QRectF(0, 0, 1, 1), 2, 0.1f}};
    QVERIFY(!grid.touchesInnerEdge(0, perTile[0][0].box));
    QCOMPARE(int(grid.mergePredictions(perTile).size()), 2);
}

void TestTiling::nmsThresholdIsStrict()
{
    // The first two have IoU exactly 0.5 (a 10×10 inside a 20×10): not above the threshold, both stay.
    const std::vector<DetectedBox> boxes = {
        {QRectF(0, 0, 20, 10), 0, 0.9f}, {QRectF(0, 0, 10, 10), 0, 0.8f},
        {QRectF(1, 0, 20, 10), 0, 0.7f}, // IoU 19/21 with the first: suppressed
        {QRectF(50, 50, 10, 10), 0, 0.9f}, // same score as the first, later: comes second
    };
    const std::vector<DetectedBox> kept = nonMaximumSuppression(boxes, 0.5);
    QCOMPARE(int(kept.size()), 3);
    QCOMPARE(kept[0].box, QRectF(0, 0, 20, 10));
    QCOMPARE(kept[1].box, QRectF(50, 50, 10, 10));
    QCOMPARE(kept[2].box, QRectF(0, 0, 10, 10));
    QCOMPARE(boxIou(QRectF(0, 0, 20, 10), QRectF(0, 0, 10, 10)), 0.5);
    QCOMPARE(boxIou(QRectF(0, 0, 0, 10), QRectF(0, 0, 10, 10)), 0.0);
}

void TestTiling::masksStitchBack()
{
    cv::Mat labels(150, 200, CV_8U);
    cv::randu(labels, 0, 5);
    const TileGrid grid(QSize(200, 150), {3, 4}, 12, QRect(7, 5, 181, 140));
    const cv::Mat stitched = grid.stitch(grid.cutAll(labels, true), StitchMode::NearestCentre, 255);
    QCOMPARE(stitched.size(), labels.size());
    QCOMPARE(stitched.type(), CV_8U);
    const cv::Rect roi(7, 5, 181, 140);
    QCOMPARE(cv::norm(stitched(roi), labels(roi), cv::NORM_INF), 0.0);
    // Outside the region: the fill value.
    QCOMPARE(int(stitched.at<uchar>(0, 0)), 255);
    QCOMPARE(int(stitched.at<uchar>(149, 199)), 255);
    QCOMPARE(cv::countNonZero(stitched == 255), 200 * 150 - 181 * 140);

    cv::Mat scores(150, 200, CV_32FC3);
    cv::randu(scores, 0.0, 1.0);
    const cv::Mat averaged = grid.stitch(grid.cutAll(scores, true), StitchMode::Average);
    QVERIFY(cv::norm(averaged(roi), scores(roi), cv::NORM_INF) < 1e-6);
}

void TestTiling::overlapsTakeTheNearestCentre()
{
    // Tile 0 covers x 0–110 (centre 55), tile 1 x 90–200 (centre 145): x 99 is nearer 55, x 100 nearer 145.
    const TileGrid grid = twoAcross();
    const std::vector<cv::Mat> masks
        = {cv::Mat(100, 110, CV_32S, cv::Scalar(1)), cv::Mat(100, 110, CV_32S, cv::Scalar(2))};
    const cv::Mat stitched = grid.stitch(masks);
    QCOMPARE(stitched.at<int>(50, 89), 1);
    QCOMPARE(stitched.at<int>(50, 99), 1);
    QCOMPARE(stitched.at<int>(50, 100), 2);
    QCOMPARE(stitched.at<int>(0, 109), 2);
    QCOMPARE(cv::countNonZero(stitched == 1), 100 * 100);
}

void TestTiling::averagedScores()
{
    const TileGrid grid = twoAcross();
    const std::vector<cv::Mat> masks
        = {cv::Mat(100, 110, CV_32F, cv::Scalar(0.2)), cv::Mat(100, 110, CV_32F, cv::Scalar(0.8))};
    const cv::Mat stitched = grid.stitch(masks, StitchMode::Average);
    QCOMPARE(stitched.at<float>(10, 89), 0.2f);
    QVERIFY(qAbs(stitched.at<float>(10, 90) - 0.5f) < 1e-6);
    QVERIFY(qAbs(stitched.at<float>(10, 109) - 0.5f) < 1e-6);
    QCOMPARE(stitched.at<float>(10, 110), 0.8f);
}

void TestTiling::wrongMasksAreRefused()
{
    const TileGrid grid = twoAcross();
    const cv::Mat ok(100, 110, CV_8U, cv::Scalar(0));
    QVERIFY_THROWS_EXCEPTION(TilingError, grid.stitch({ok}));
    QVERIFY_THROWS_EXCEPTION(TilingError, grid.stitch({ok, cv::Mat(100, 100, CV_8U)}));
    QVERIFY_THROWS_EXCEPTION(TilingError, grid.stitch({ok, cv::Mat(100, 110, CV_32F)}));
    try {
        grid.stitch({ok, ok}, StitchMode::Average);
        QFAIL("no error");
    } catch (const TilingError &e) {
        QVERIFY2(e.message().contains(QLatin1String("floating-point")), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestTiling)
#include "tst_tiling.moc"
