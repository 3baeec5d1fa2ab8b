#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

} // namespace

QString &Workspace::text(const QString &path)
{
    auto it = m_texts.find(path);
    if (it != m_texts.end())
        return it->second;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(Text::tr("cannot read %1: %2").arg(native(path), f.errorString()));
    const QByteArray bytes = f.readAll();
    const QString decoded = QString::fromUtf8(bytes);
    // Rewriting anything but UTF-8 would change bytes the user never edited.
    if (decoded.toUtf8() != bytes)
        throw DatasetError(Text::tr("cannot rewrite %1: it is not UTF-8 text").arg(native(path)));
    m_originals[path] = bytes;
    return m_texts.emplace(path, decoded).first->second;
}

std::vector<FileChange> Workspace::changes() const
{
    std::vector<FileChange> out;
    for (const auto &entry : m_texts) {
        const QByteArray after = entry.second.toUtf8();
        const QByteArray &before = m_originals.at(entry.first);
        if (after != before)
            out.push_back({entry.first, before, after, true});
    }
    return out;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

int largestObject(const Sample &sample)
{
    int best = -1;
    double bestArea = -1;
    for (std::size_t i = 0; i < sample.objects.size(); ++i) {
        const Annotation &a = sample.objects[i];
        const double area = a.box.width() * a.box.height();
        if (a.classId >= 0 && area > bestArea) {
            bestArea = area;
            best = int(i);
        }
    }
    return best;
}

[[noreturn]] void staleLabel(const QString &image, const QString &file, const QString &found, const QString &expected)
{
    throw DatasetError(Text::tr("%1 says %2 is \"%3\", not \"%4\": the file changed since the dataset was opened; "
                                "open it again before saving")
                           .arg(native(file), QFileInfo(image).fileName(), found, expected));
}

} // namespace loupe::labeledits
