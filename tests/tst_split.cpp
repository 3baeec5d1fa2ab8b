// The dev set stays put: relabelling, adding or removing an image must not redraw the split, or
// two runs before and after a one-image fix are judged on different dev sets.

#include "dataset/Split.h"

#include <QSet>
#include <QtTest>

using namespace loupe;

namespace {

// 600 images in 10 class folders, named as a class-folder dataset names them.
Dataset classFolders()
{
    Dataset ds;
    for (int c = 0; c < 10; ++c) {
        ds.classes.append(QStringLiteral("class%1").arg(c));
        for (int i = 0; i < 60; ++i) {
            Sample s;
            s.path = QStringLiteral("/data/class%1/img_%2.png").arg(c).arg(c * 60 + i, 4, 10, QLatin1Char('0'));
            s.classId = c;
            ds.samples.push_back(s);
        }
    }
    return ds;
}

QSet<QString> devNames(const Dataset &ds, quint64 seed = 7)
{
    QSet<QString> names;
    for (int i : stratifiedSplit(ds, {0.9, 0.1, 0.0}, seed).dev)
        names.insert(ds.samples[std::size_t(i)].path.section(QLatin1Char('/'), -1));
    return names;
}

int changed(const QSet<QString> &a, const QSet<QString> &b)
{
    return int((a - b).size() + (b - a).size());
}

} // namespace

class TestSplit : public QObject
{
    Q_OBJECT

private slots:
    void relabelByMovingTheFileKeepsTheDevSet();
    void relabelInPlaceKeepsTheDevSet();
    void addingAnImageKeepsTheDevSet();
    void removingAnImageKeepsTheDevSet();
    void seedStillDecides();
};

void TestSplit::relabelByMovingTheFileKeepsTheDevSet()
{
    Dataset ds = classFolders();
    const QSet<QString> before = devNames(ds);
    QCOMPARE(int(before.size()), 60);
    // Sneaker → Ankle boot, as a class-folder relabel does it: the file moves to the other folder.
    Sample &s = ds.samples[7 * 60 + 13];
    s.classId = 9;
    s.path.replace(QStringLiteral("/class7/"), QStringLiteral("/class9/"));
    const QSet<QString> after = devNames(ds);
    QCOMPARE(int(after.size()), 60);
    // At most the image itself and one image at each of the two classes' dev boundaries.
    QVERIFY2(changed(before, after) <= 3, qPrintable(QStringLiteral("%1 dev images changed").arg(changed(before, after))));
}

void TestSplit::relabelInPlaceKeepsTheDevSet()
{
    Dataset ds = classFolders();
    const QSet<QString> before = devNames(ds);
    for (int k : {5, 65, 125}) // three CSV/COCO-style relabels: the path stays
        ds.samples[std::size_t(k)].classId = 4;
    QVERIFY(changed(before, devNames(ds)) <= 3 * 3);
}

void TestSplit::addingAnImageKeepsTheDevSet()
{
    Dataset ds = classFolders();
    const QSet<QString> before = devNames(ds);
    Sample s;
    s.path = QStringLiteral("/data/class2/new_image.png");
    s.classId = 2;
    ds.samples.insert(ds.samples.begin() + 150, s); // indices of later images shift; names do not
    QVERIFY(changed(before, devNames(ds)) <= 2);
}

void TestSplit::removingAnImageKeepsTheDevSet()
{
    Dataset ds = classFolders();
    const QSet<QString> before = devNames(ds);
    ds.samples.erase(ds.samples.begin() + 301);
    QVERIFY(changed(before, devNames(ds)) <= 2);
}

void TestSplit::seedStillDecides()
{
    const Dataset ds = classFolders();
    QCOMPARE(devNames(ds, 7), devNames(ds, 7));
    QVERIFY(changed(devNames(ds, 7), devNames(ds, 8)) > 60);
}

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
