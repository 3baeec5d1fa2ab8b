#include "dataset/LabelEdits.h"

#include "dataset/Errors.h"
#include "dataset/labeledits/LabelEditPlan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace loupe {

using namespace labeledits;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

// The class classificationView gives images without objects; relabelling cannot reach it or leave it.
QString noObjectName()
{
    return QCoreApplication::translate("loupe::ClassificationView", "no object");
}

bool isDetectionFormat(const QString &format)
{
    return format == QLatin1String("coco") || format == QLatin1String("voc") || format == QLatin1String("yolo");
}

void checkClassName(const LabelEdit &e, const QString &format)
{
    bool control = false;
    for (const QChar c : e.newClass)
        control = control || c.category() == QChar::Other_Control;
    if (e.newClass.isEmpty() || e.newClass.trimmed() != e.newClass || control)
        throw DatasetError(Text::tr("cannot give %1 the class \"%2\": a class name must not be empty, start or end "
                                    "with a space, or hold line breaks or tabs")
                               .arg(native(e.path), e.newClass));
    if (format == QLatin1String("folder")
        && (e.newClass.contains(QLatin1Char('/')) || e.newClass.contains(QLatin1Char('\\'))
            || e.newClass == QLatin1String(".") || e.newClass == QLatin1String("..")))
        throw DatasetError(Text::tr("cannot make a class folder named \"%1\"").arg(e.newClass));
}

} // namespace

std::vector<LabelEdit> netEdits(const std::vector<LabelEdit> &edits)
{
    std::vector<LabelEdit> net;
    QHash<QString, std::size_t> index;
    for (const LabelEdit &e : edits) {
        const auto it = index.constFind(e.path);
        if (it == index.constEnd()) {
            index.insert(e.path, net.size());
            net.push_back(e);
        } else {
            net[*it].newClass = e.newClass; // the first edit knows the original class
        }
    }
    net.erase(
        std::remove_if(net.begin(), net.end(), [](const LabelEdit &e) { return e.oldClass == e.newClass; }), net.end());
    return net;
}

namespace {

QString tsvUnescaped(const QString &field)
{
    QString out;
    out.reserve(field.size());
    for (int i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c != QLatin1Char('\\') || i + 1 == field.size()) {
            out += c;
            continue;
        }
        const QChar next = field.at(++i);
        out += next == QLatin1Char('t') ? QChar(QLatin1Char('\t')) : next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
    }
    return out;
}

// Backup folders are yyyyMMdd-HHmmss, then -2, -3… within one second: in that order.
bool olderBackup(const QString &a, const QString &b)
{
    const QString stampA = a.left(15), stampB = b.left(15);
    if (stampA != stampB)
        return stampA < stampB;
    return a.mid(16).toInt() < b.mid(16).toInt();
}

} // namespace

QHash<QString, QString> movedImages(const QString &datasetRoot)
{
    QHash<QString, QString> moved;
    const QDir folder(datasetFolder(datasetRoot));
    const QDir backups(folder.filePath(QStringLiteral("loupe-backups")));
    QStringList saves = backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(saves.begin(), saves.end(), olderBackup);
    for (const QString &save : saves) {
        QFile f(backups.filePath(save + QStringLiteral("/moves.tsv")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (int i = 1; i < lines.size(); ++i) { // the first line is the header
            const QStringList fields = lines.at(i).split(QLatin1Char('\t'));
            if (fields.size() != 2)
                continue;
            const QString from = QDir::cleanPath(folder.absoluteFilePath(tsvUnescaped(fields.at(0))));
            const QString to = QDir::cleanPath(folder.absoluteFilePath(tsvUnescaped(fields.at(1))));
            for (auto it = moved.begin(); it != moved.end(); ++it)
                if (it.value() == from)
                    it.value() = to;
            if (!moved.contains(from))
                moved.insert(from, to);
        }
    }
    return moved;
}

QString relabelRefusal(const Dataset &dataset, const Sample &sample)
{
    if (dataset.format == QLatin1String("idx"))
        return Text::tr("IDX labels are a binary file Loupe does not rewrite; export the images to class folders or "
                        "a CSV first");
    if (isDetectionFormat(dataset.format) && sample.classId < 0 && sample.objects.empty())
        return Text::tr("%1 has no objects: its class is its largest object's, and relabelling changes an object's "
                        "class, it does not draw one. Draw a box in an annotation tool to give it a class.")
            .arg(QFileInfo(sample.path).fileName());
    return {};
}

void applyLabelEdits(Dataset &dataset, const std::vector<LabelEdit> &edits)
{
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < dataset.samples.size(); ++i)
        if (!index.contains(dataset.samples[i].path))
            index.insert(dataset.samples[i].path, i);
    for (const LabelEdit &e : edits) {
        const auto it = index.constFind(e.path);
        if (it == index.constEnd() || e.newClass.isEmpty())
            continue;
        Sample &s = dataset.samples[*it];
        if (s.classId >= 0) {
            // Image classes (also a classificationView of a detection set): the class is the sample's.
            s.classId = dataset.classIndex(e.newClass);
        } else if (!s.objects.empty() && e.newClass != noObjectName()) {
            // Detection as imported: the largest object carries the image's class. "no object"
            // would mean deleting boxes, which relabelling does not do.
            const int largest = largestObject(s);
            if (largest >= 0)
                s.objects[std::size_t(largest)].classId = dataset.classIndex(e.newClass);
        }
    }
}

LabelSaveResult saveLabelEdits(const Dataset &dataset, const std::vector<LabelEdit> &edits)
{
    const QString format = dataset.format;
    if (format == QLatin1String("idx"))
        throw DatasetError(Text::tr("cannot save labels of an IDX dataset: its labels are a binary file Loupe does "
                                    "not rewrite; export the images to class folders or a CSV first"));
    if (format != QLatin1String("csv") && format != QLatin1String("coco") && format != QLatin1String("voc")
        && format != QLatin1String("yolo") && format != QLatin1String("folder"))
        throw DatasetError(Text::tr("cannot save labels of a dataset in the format \"%1\"").arg(format));

    const std::vector<LabelEdit> net = netEdits(edits);
    if (net.empty())
        return {};

    SamplesByPath samples;
    for (const Sample &s : dataset.samples)
        if (!samples.contains(s.path))
            samples.insert(s.path, &s);
    for (const LabelEdit &e : net) {
        const Sample *s = samples.value(e.path);
        if (!s)
            throw DatasetError(Text::tr("%1 is not an image of this dataset").arg(native(e.path)));
        checkClassName(e, format);
        if (isDetectionFormat(format)) {
            if (s->objects.empty())
                throw DatasetError(Text::tr("cannot give %1 the class \"%2\": it has no objects, and relabelling "
                                            "changes the class of an object, it does not draw one")
                                       .arg(native(e.path), e.newClass));
            if (e.newClass == noObjectName())
                throw DatasetError(Text::tr("cannot save %1 as \"%2\": that would delete its objects, which "
                                            "relabelling does not do")
                                       .arg(native(e.path), e.newClass));
        }
    }

    Plan plan;
    Workspace ws;
    if (format == QLatin1String("csv"))
        planCsv(dataset, net, ws);
    else if (format == QLatin1String("coco"))
        planCoco(dataset, net, samples, plan.files);
    else if (format == QLatin1String("voc"))
        planVoc(dataset, net, samples, ws);
    else if (format == QLatin1String("yolo"))
        planYolo(dataset, net, samples, ws);
    else
        planFolder(dataset, net, plan);
    for (FileChange &c : ws.changes())
        plan.files.push_back(std::move(c));
    if (plan.files.empty() && plan.moves.empty())
        return {}; // every edit was already in the files
    return carryOut(datasetFolder(dataset.root), plan);
}

} // namespace loupe
