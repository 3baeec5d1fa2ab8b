#include "project/EventFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::EventFile)
};

// Protobuf wire types.
enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5 };

// Field numbers from TensorBoard's event.proto and summary.proto.
constexpr int kEventWallTime = 1;
constexpr int kEventStep = 2;
constexpr int kEventFileVersion = 3;
constexpr int kEventSummary = 5;
constexpr int kSummaryValue = 1;
constexpr int kValueTag = 1;
constexpr int kValueSimpleValue = 2;

// A record's framing: 8-byte length, 4-byte masked CRC of it, data, 4-byte masked CRC of data.
constexpr int kHeaderSize = 12;
constexpr int kFooterSize = 4;

// Nested groups in unknown fields; protobuf's own parsers stop at 100 too.
constexpr int kMaxGroupDepth = 100;

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[i] = c;
    }
    return table;
}

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

void putKey(QByteArray &out, int field, WireType type)
{
    putVarint(out, (quint64(field) << 3) | quint64(type));
}

void putBytes(QByteArray &out, int field, const QByteArray &bytes)
{
    putKey(out, field, LengthDelimited);
    putVarint(out, quint64(bytes.size()));
    out.append(bytes);
}

void putDouble(QByteArray &out, int field, double v)
{
    putKey(out, field, Fixed64);
    quint64 bits;
    std::memcpy(&bits, &v, sizeof bits);
    char le[8];
    qToLittleEndian(bits, le);
    out.append(le, 8);
}

void putFloat(QByteArray &out, int field, float v)
{
    putKey(out, field, Fixed32);
    quint32 bits;
    std::memcpy(&bits, &v, sizeof bits);
    char le[4];
    qToLittleEndian(bits, le);
    out.append(le, 4);
}

QByteArray frame(const QByteArray &data)
{
    QByteArray record;
    record.reserve(kHeaderSize + data.size() + kFooterSize);
    char len[8];
    qToLittleEndian(quint64(data.size()), len);
    char crc[4];
    record.append(len, 8);
    qToLittleEndian(maskedCrc32c(len, 8), crc);
    record.append(crc, 4);
    record.append(data);
    qToLittleEndian(maskedCrc32c(data.constData(), data.size()), crc);
    record.append(crc, 4);
    return record;
}

// Reads the protobuf subset; every read checks bounds, so hostile bytes only fail the parse.
class ProtoReader
{
public:
    ProtoReader(const char *begin, const char *end)
        : m_p(reinterpret_cast<const uchar *>(begin))
        , m_end(reinterpret_cast<const uchar *>(end))
    {
    }

    bool atEnd() const { return m_p == m_end; }

    bool varint(quint64 &v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return false;
            const uchar b = *m_p++;
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false; // more than 10 bytes
    }

    bool key(int &field, int &type)
    {
        quint64 k;
        if (!varint(k) || (k >> 3) == 0 || (k >> 3) > 0x1fffffff)
            return false;
        field = int(k >> 3);
        type = int(k & 7);
        return true;
    }

    bool fixed64(quint64 &v)
    {
        if (m_end - m_p < 8)
            return false;
        v = qFromLittleEndian<quint64>(m_p);
        m_p += 8;
        return true;
    }

    bool fixed32(quint32 &v)
    {
        if (m_end - m_p < 4)
            return false;
        v = qFromLittleEndian<quint32>(m_p);
        m_p += 4;
        return true;
    }

    bool bytes(const char *&data, qsizetype &size)
    {
        quint64 n;
        if (!varint(n) || n > quint64(m_end - m_p))
            return false;
        data = reinterpret_cast<const char *>(m_p);
        size = qsizetype(n);
        m_p += n;
        return true;
    }

    // Skips the value of a field already keyed; groups are skipped to their matching end.
    bool skip(int field, int type, int depth = 0)
    {
        quint64 u64;
        quint32 u32;
        const char *d;
        qsizetype n;
        switch (type) {
        case Varint:
            return varint(u64);
        case Fixed64:
            return fixed64(u64);
        case LengthDelimited:
            return bytes(d, n);
        case Fixed32:
            return fixed32(u32);
        case StartGroup:
            if (depth >= kMaxGroupDepth)
                return false;
            for (;;) {
                int f, t;
                if (!key(f, t))
                    return false;
                if (t == EndGroup)
                    return f == field;
                if (!skip(f, t, depth + 1))
                    return false;
            }
        default: // a stray end-group, or wire types 6 and 7, which do not exist
            return false;
        }
    }

private:
    const uchar *m_p;
    const uchar *m_end;
};

struct ParsedValue {
    QString tag;
    float value = 0;
    bool hasSimpleValue = false;
};

bool parseValue(const char *data, qsizetype size, ParsedValue &out)
{
    ProtoReader r(data, data + size);
    while (!r.atEnd()) {
        int field, type;
        if (!r.key(field, type))
            return false;
        if (field == kValueTag && type == LengthDelimited) {
            const char *d;
            qsizetype n;
            if (!r.bytes(d, n))
                return false;
            out.tag = QString::fromUtf8(d, n);
        } else if (field == kValueSimpleValue && type == Fixed32) {
            quint32 bits;
            if (!r.fixed32(bits))
                return false;
            std::memcpy(&out.value, &bits, sizeof bits);
            out.hasSimpleValue = true;
        } else {
            // The other members of Value's `oneof value` (histogram, image, histo, audio,
            // tensor) replace a simple_value read before them, as protobuf's parsers do.
            if (field == 3 || field == 4 || field == 5 || field == 6 || field == 8)
                out.hasSimpleValue = false;
            if (!r.skip(field, type))
                return false;
        }
    }
    return true;
}

bool parseSummary(const char *data, qsizetype size, std::vector<ParsedValue> &out)
{
    ProtoReader r(data, data + size);
    while (!r.atEnd()) {
        int field, type;
        if (!r.key(field, type))
            return false;
        if (field == kSummaryValue && type == LengthDelimited) {
            const char *d;
            qsizetype n;
            ParsedValue v;
            if (!r.bytes(d, n) || !parseValue(d, n, v))
                return false;
            out.push_back(v);
        } else if (!r.skip(field, type)) {
            return false;
        }
    }
    return true;
}

// Appends the event's scalars to `out`; false on malformed bytes (then `out` is unchanged).
bool parseEvent(const QByteArray &data, std::vector<ScalarEvent> &out)
{
    ProtoReader r(data.constData(), data.constData() + data.size());
    double wallTime = 0;
    qint64 step = 0;
    std::vector<ParsedValue> values; // repeated summaries merge, so collect before stamping
    while (!r.atEnd()) {
        int field, type;
        if (!r.key(field, type))
            return false;
        if (field == kEventWallTime && type == Fixed64) {
            quint64 bits;
            if (!r.fixed64(bits))
                return false;
            std::memcpy(&wallTime, &bits, sizeof bits);
        } else if (field == kEventStep && type == Varint) {
            quint64 v;
            if (!r.varint(v))
                return false;
            step = qint64(v);
        } else if (field == kEventSummary && type == LengthDelimited) {
            const char *d;
            qsizetype n;
            if (!r.bytes(d, n) || !parseSummary(d, n, values))
                return false;
        } else if (!r.skip(field, type)) {
            return false;
        }
    }
    for (const ParsedValue &v : values) {
        if (v.hasSimpleValue)
            out.push_back({v.tag, step, v.value, wallTime});
    }
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

quint32 crc32c(const char *data, qsizetype size)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 c = 0xffffffffu;
    const auto *p = reinterpret_cast<const uchar *>(data);
    for (qsizetype i = 0; i < size; ++i)
        c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

quint32 maskedCrc32c(const char *data, qsizetype size)
{
    const quint32 crc = crc32c(data, size);
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

EventFileWriter::~EventFileWriter()
{
    close();
}

double EventFileWriter::now()
{
    using namespace std::chrono;
    return double(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1e6;
}

bool EventFileWriter::open(const QString &runDir, QString *error)
{
    close();
    m_error.clear();
    if (!QDir().mkpath(runDir)) {
        m_error = Text::tr("Cannot create the run folder %1").arg(QDir::toNativeSeparators(runDir));
        setError(error, m_error);
        return false;
    }
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    // TensorFlow's EventsWriter pads the seconds to 10 digits.
    const QString base = QStringLiteral("events.out.tfevents.%1.%2")
                             .arg(QDateTime::currentSecsSinceEpoch(), 10, 10, QLatin1Char('0'))
                             .arg(host);
    const QDir dir(runDir);
    // A second writer in the same second (a resumed run) gets its own file; TensorBoard reads all.
    for (int n = 0;; ++n) {
        const QString name = n == 0 ? base : base + QLatin1Char('.') + QString::number(n);
        m_file.setFileName(dir.filePath(name));
        if (m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
            break;
        if (!m_file.exists() || n >= 1000) {
            m_error = Text::tr("Cannot create the event file %1: %2")
                          .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            setError(error, m_error);
            return false;
        }
    }
    QByteArray event;
    putDouble(event, kEventWallTime, now());
    putBytes(event, kEventFileVersion, QByteArrayLiteral("brain.Event:2"));
    if (!writeRecord(event)) {
        setError(error, m_error);
        close();
        return false;
    }
    return true;
}

void EventFileWriter::addScalar(const QString &tag, qint64 step, float value, double wallTime)
{
    if (!m_file.isOpen() || !m_error.isEmpty())
        return;
    QByteArray val;
    putBytes(val, kValueTag, tag.toUtf8());
    putFloat(val, kValueSimpleValue, value);
    QByteArray summary;
    putBytes(summary, kSummaryValue, val);
    QByteArray event;
    putDouble(event, kEventWallTime, wallTime);
    putKey(event, kEventStep, Varint);
    putVarint(event, quint64(step)); // int64: negatives take ten bytes, as protobuf writes them
    putBytes(event, kEventSummary, summary);
    writeRecord(event);
}

bool EventFileWriter::flush()
{
    if (!m_file.isOpen()) {
        if (m_error.isEmpty())
            m_error = Text::tr("The event file is not open");
        return false;
    }
    // Unbuffered: every record has already reached the OS, this only reports failures.
    return m_error.isEmpty() && m_file.flush();
}

void EventFileWriter::close()
{
    if (m_file.isOpen())
        m_file.close();
}

bool EventFileWriter::writeRecord(const QByteArray &data)
{
    const QByteArray record = frame(data);
    if (m_file.write(record) != record.size()) {
        m_error = Text::tr("Cannot write to the event file %1: %2")
                      .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        return false;
    }
    return true;
}

std::vector<ScalarEvent> readScalarEvents(const QString &file, QString *error)
{
    std::vector<ScalarEvent> events;
    setError(error, QString());
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        setError(error, Text::tr("Cannot open the event file %1: %2")
                            .arg(QDir::toNativeSeparators(file), f.errorString()));
        return events;
    }
    const QString name = QDir::toNativeSeparators(file);
    qint64 offset = 0;
    for (;;) {
        const QByteArray header = f.read(kHeaderSize);
        if (header.isEmpty())
            break; // clean end
        if (header.size() < kHeaderSize) {
            setError(error, Text::tr("%1: torn record at byte %2 (the file ends inside it)").arg(name).arg(offset));
            break;
        }
        const quint32 lengthCrc = qFromLittleEndian<quint32>(header.constData() + 8);
        if (maskedCrc32c(header.constData(), 8) != lengthCrc) {
            setError(error, Text::tr("%1: record at byte %2 has a corrupt length (checksum mismatch)").arg(name).arg(offset));
            break;
        }
        const quint64 length = qFromLittleEndian<quint64>(header.constData());
        // The length is checksummed, so one past the end of the file means the file was cut.
        if (length > quint64(std::max<qint64>(0, f.size() - f.pos() - kFooterSize))) {
            setError(error, Text::tr("%1: torn record at byte %2 (the file ends inside it)").arg(name).arg(offset));
            break;
        }
        const QByteArray data = f.read(qint64(length));
        const QByteArray footer = f.read(kFooterSize);
        if (quint64(data.size()) != length || footer.size() != kFooterSize) {
            setError(error, Text::tr("%1: torn record at byte %2 (the file ends inside it)").arg(name).arg(offset));
            break;
        }
        if (maskedCrc32c(data.constData(), data.size()) != qFromLittleEndian<quint32>(footer.constData())) {
            setError(error, Text::tr("%1: record at byte %2 has corrupt data (checksum mismatch)").arg(name).arg(offset));
            break;
        }
        if (!parseEvent(data, events)) {
            setError(error, Text::tr("%1: record at byte %2 is not a valid Event message").arg(name).arg(offset));
            break;
        }
        offset += kHeaderSize + qint64(length) + kFooterSize;
    }
    return events;
}

} // namespace loupe
