#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <exception>

#include <fcntl.h>
#include <unistd.h>

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

QString writeStreamAtomically(const QString &file, const std::function<void(const ByteSink &)> &produce, QString *reason)
{
    const QByteArray path = QFile::encodeName(file);
    const QByteArray tmp = path + ".tmp";
    const auto failure = [&](const QString &why) {
        ::unlink(tmp.constData());
        if (reason)
            *reason = why;
        return Text::tr("cannot write %1: %2").arg(file, why);
    };
    const auto systemReason = [](int error) { return QString::fromLocal8Bit(std::strerror(error)); };
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return failure(systemReason(errno));
    int writeError = 0;
    const ByteSink sink = [&](const void *data, std::size_t size) {
        const char *p = static_cast<const char *>(data);
        while (size > 0 && writeError == 0) {
            const ssize_t n = ::write(fd, p, size);
            if (n < 0 && errno != EINTR)
                writeError = errno;
            if (n > 0) {
                p += n;
                size -= std::size_t(n);
            }
        }
    };
    try {
        produce(sink);
    } catch (const std::exception &e) {
        ::close(fd);
        return failure(writeError != 0 ? systemReason(writeError)
                                       : QString::fromUtf8(e.what()).trimmed().section(QLatin1Char('\n'), 0, 0));
    }
    if (writeError == 0 && ::fsync(fd) != 0)
        writeError = errno;
    if (::close(fd) != 0 && writeError == 0)
        writeError = errno;
    if (writeError != 0)
        return failure(systemReason(writeError));
    if (::rename(tmp.constData(), path.constData()) != 0)
        return failure(systemReason(errno));
    // Sync the folder too, so that after a power cut the name points at the new file.
    const QByteArray dir = QFile::encodeName(QFileInfo(file).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace loupe
