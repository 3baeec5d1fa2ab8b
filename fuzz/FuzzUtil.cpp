#include "FuzzUtil.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <unistd.h>

namespace loupe::fuzz {

namespace {
QByteArray encoded(const char *ext)
{
    cv::Mat m(3, 4, CV_8UC3, cv::Scalar(10, 120, 240));
    std::vector<uchar> buf;
    cv::imencode(ext, m, buf);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}
} // namespace

Scratch::Scratch()
{
    // $LOUPE_FUZZ_TMP is a folder of this process alone (run.sh, the regression test make one);
    // without it, one per process in /dev/shm, removed at exit.
    static const QString base = []() -> QString {
        const QByteArray env = qgetenv("LOUPE_FUZZ_TMP");
        if (!env.isEmpty())
            return QString::fromLocal8Bit(env);
        std::atexit([] { QDir(QStringLiteral("/dev/shm/loupe-fuzz-%1").arg(::getpid())).removeRecursively(); });
        return QStringLiteral("/dev/shm/loupe-fuzz-%1").arg(::getpid());
    }();
    m_dir = base + QStringLiteral("/case");
    QDir(m_dir).removeRecursively();
    QDir().mkpath(m_dir);
}

Scratch::~Scratch()
{
    QDir(m_dir).removeRecursively();
}

QString Scratch::write(const QString &rel, const QByteArray &bytes) const
{
    const QString p = path(rel);
    QDir().mkpath(QFileInfo(p).absolutePath());
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(p));
        std::abort();
    }
    return p;
}

QByteArray tinyPng()
{
    static const QByteArray bytes = encoded(".png");
    return bytes;
}

QByteArray tinyJpeg()
{
    static const QByteArray bytes = encoded(".jpg");
    return bytes;
}

} // namespace loupe::fuzz
