#include "AtomicFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace loupe {

namespace {

// The context the message had in runfolder::writeAtomically; the writers that now share this
// function said the same words, with the same translation.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunFolder)
};

} // namespace

QString writeFileAtomically(const QString &file, const QByteArray &bytes, QString *reason)
{
    QSaveFile f(file);
    // Unbuffered: Qt 6.4's QSaveFile::commit() ignores a failed flush of its write buffer and
    // renames an empty file over the old one when the disk is full (tests/tst_faults.cpp).
    if (f.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && f.write(bytes) == bytes.size() && f.commit())
        return {};
    const QString why = f.errorString();
    if (reason)
        *reason = why;
    return Text::tr("cannot write %1: %2").arg(file, why);
}

} // namespace loupe
