#pragma once

// TensorBoard event files, written and read by hand (TFRecord framing plus the few Event,
// Summary and Value fields scalars need), so that core needs neither protobuf nor TensorFlow.

#include <QFile>
#include <QString>

#include <vector>

namespace loupe {

struct ScalarEvent {
    QString tag;
    qint64 step = 0;
    float value = 0;
    double wallTime = 0; ///< seconds since the Unix epoch
};

/// CRC-32C (Castagnoli), the checksum TFRecord framing uses.
quint32 crc32c(const char *data, qsizetype size);
/// TFRecord's masked form of crc32c: rotated right by 15 bits plus 0xa282ead8.
quint32 maskedCrc32c(const char *data, qsizetype size);

/// Appends scalar summaries to a new TensorBoard event file in a run folder.
/// Not written through QSaveFile: TensorBoard tails the file while it grows. Each record is
/// built in memory and handed to the OS in one unbuffered write, so a killed process leaves
/// at most a torn last record, which readScalarEvents stops at.
class EventFileWriter
{
public:
    EventFileWriter() = default;
    ~EventFileWriter();
    EventFileWriter(const EventFileWriter &) = delete;
    EventFileWriter &operator=(const EventFileWriter &) = delete;

    /// Seconds since the Unix epoch, with microseconds, as TensorBoard's wall_time.
    static double now();

    /// Creates runDir if needed and `events.out.tfevents.<unix seconds>.<hostname>` in it (with
    /// `.1`, `.2`, … appended if that name is taken), then writes the file_version record.
    /// An open file is closed first.
    bool open(const QString &runDir, QString *error = nullptr);
    bool isOpen() const { return m_file.isOpen(); }
    QString filePath() const { return m_file.fileName(); }

    /// One Event record holding one simple_value. Does nothing when not open or after a failed
    /// write (a later record after a torn one would be unreachable anyway); flush() reports it.
    void addScalar(const QString &tag, qint64 step, float value, double wallTime = now());

    /// False when the file is not open or any write since open() failed; errorString() says why.
    bool flush();
    QString errorString() const { return m_error; }

    void close();

private:
    bool writeRecord(const QByteArray &data);

    QFile m_file;
    QString m_error;
};

/// Every simple_value scalar in an event file, in file order. Verifies both CRCs of every
/// record and skips protobuf fields it does not know (any wire type). A torn record, a CRC
/// mismatch or a malformed Event stops reading: `error` then names the byte offset of that
/// record and the events before it are returned. `error` is cleared on a clean read.
std::vector<ScalarEvent> readScalarEvents(const QString &file, QString *error = nullptr);

} // namespace loupe
