// TensorBoard event files: CRC-32C vectors, write → read round trip, the file name, torn and
// corrupted files, unknown protobuf fields, and a reference file encoded by Google's protobuf.

#include "project/EventFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace loupe;

namespace {

quint32 floatBits(float f)
{
    quint32 b;
    std::memcpy(&b, &f, sizeof b);
    return b;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

// Hand-made protobuf and TFRecord framing, for records loupe's writer never produces.
QByteArray varint(quint64 v)
{
    QByteArray out;
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
    return out;
}

QByteArray key(int field, int wireType)
{
    return varint((quint64(field) << 3) | quint64(wireType));
}

QByteArray lengthDelimited(int field, const QByteArray &bytes)
{
    return key(field, 2) + varint(quint64(bytes.size())) + bytes;
}

QByteArray fixed32(int field, quint32 v)
{
    char le[4];
    qToLittleEndian(v, le);
    return key(field, 5) + QByteArray(le, 4);
}

QByteArray fixed64(int field, quint64 v)
{
    char le[8];
    qToLittleEndian(v, le);
    return key(field, 1) + QByteArray(le, 8);
}

QByteArray doubleField(int field, double d)
{
    quint64 bits;
    std::memcpy(&bits, &d, sizeof bits);
    return fixed64(field, bits);
}

QByteArray record(const QByteArray &data)
{
    char len[8];
    qToLittleEndian(quint64(data.size()), len);
    char crc[4];
    QByteArray r(len, 8);
    qToLittleEndian(maskedCrc32c(len, 8), crc);
    r.append(crc, 4);
    r.append(data);
    qToLittleEndian(maskedCrc32c(data.constData(), data.size()), crc);
    r.append(crc, 4);
    return r;
}

// A plain scalar Event: wall_time, step, summary { value { tag, simple_value } }.
QByteArray scalarEvent(const QByteArray &tag, qint64 step, float value, double wallTime)
{
    const QByteArray val = lengthDelimited(1, tag) + fixed32(2, floatBits(value));
    return doubleField(1, wallTime) + key(2, 0) + varint(quint64(step)) + lengthDelimited(5, lengthDelimited(1, val));
}

struct Written {
    QString path;
    std::vector<ScalarEvent> scalars;
    std::vector<qint64> recordEnds; ///< file size after each record, the first being file_version
};

Written writeSample(const QString &dir, int count)
{
    Written w;
    EventFileWriter writer;
    QString error;
    if (!writer.open(dir, &error))
        qFatal("open failed: %s", qPrintable(error));
    w.path = writer.filePath();
    w.recordEnds.push_back(QFileInfo(w.path).size());
    for (int i = 0; i < count; ++i) {
        const ScalarEvent e{i % 2 ? QStringLiteral("loss/train") : QStringLiteral("accuracy/dev"), qint64(i) * 10,
                            1.0f / float(i + 1), 1718000000.0 + i * 0.5};
        writer.addScalar(e.tag, e.step, e.value, e.wallTime);
        w.scalars.push_back(e);
        w.recordEnds.push_back(QFileInfo(w.path).size()); // unbuffered: each record is on disk
    }
    if (!writer.flush())
        qFatal("flush failed: %s", qPrintable(writer.errorString()));
    return w;
}

} // namespace

class TestEventFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crcVectors_data();
    void crcVectors();
    void roundTrip();
    void firstRecordIsFileVersion();
    void defaultWallTimeIsNow();
    void fileNamePattern();
    void openFailsWhereNoFolderCanBe();
    void notOpenWritesNothing();
    void tornTail_data();
    void tornTail();
    void flippedByte_data();
    void flippedByte();
    void unknownFieldsAreSkipped();
    void malformedEvent_data();
    void malformedEvent();
    void missingFile();
    void referenceFile();
};

void TestEventFile::crcVectors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint32>("crc");
    QTest::addColumn<quint32>("masked");
    QByteArray up(32, 0), down(32, 0);
    for (int i = 0; i < 32; ++i) {
        up[i] = char(i);
        down[i] = char(31 - i);
    }
    // "123456789" is the standard check value; the 32-byte ones are RFC 3720's (iSCSI) vectors.
    // The masked values were computed with python3-crc32c.
    QTest::newRow("123456789") << QByteArray("123456789") << 0xE3069283u << 0xC78AB0E5u;
    QTest::newRow("32 zeros") << QByteArray(32, 0) << 0x8A9136AAu << 0x0FD7FFFAu;
    QTest::newRow("32 x 0xff") << QByteArray(32, char(0xff)) << 0x62A8AB43u << 0xF909B029u;
    QTest::newRow("0..31") << up << 0x46DD794Eu << 0x951F7892u;
    QTest::newRow("31..0") << down << 0x113FDB5Cu << 0x593B0D57u;
    QTest::newRow("empty") << QByteArray() << 0u << 0xA282EAD8u;
}

void TestEventFile::crcVectors()
{
    QFETCH(QByteArray, data);
    QFETCH(quint32, crc);
    QFETCH(quint32, masked);
    QCOMPARE(crc32c(data.constData(), data.size()), crc);
    QCOMPARE(maskedCrc32c(data.constData(), data.size()), masked);
}

void TestEventFile::roundTrip()
{
    QTemporaryDir dir;
    const std::vector<ScalarEvent> in = {
        {QStringLiteral("loss/train"), 0, 2.302585f, 1718000000.123456},
        {QStringLiteral("loss/train"), 1, 1.5f, 1718000001.5},
        {QStringLiteral("accuracy/dev"), 1, 0.1f, 1718000001.75},
        {QStringLiteral("λ/größe ✓"), 2, -0.0f, 1718000002.0},
        {QString(), 3, std::numeric_limits<float>::infinity(), 1718000003.0},
        {QStringLiteral("nan"), 4, std::numeric_limits<float>::quiet_NaN(), 1718000004.0},
        {QStringLiteral("denormal"), -5, std::numeric_limits<float>::denorm_min(), 0.0},
        {QStringLiteral("max"), std::numeric_limits<qint64>::max(), std::numeric_limits<float>::max(), 1e-3},
        {QStringLiteral("min"), std::numeric_limits<qint64>::min(), std::numeric_limits<float>::lowest(), 4e9},
        {QString(300, QLatin1Char('t')), qint64(1) << 40, 42.0f, 1718000005.0},
    };
    EventFileWriter writer;
    QString error;
    QVERIFY2(writer.open(dir.path(), &error), qPrintable(error));
    for (const ScalarEvent &e : in)
        writer.addScalar(e.tag, e.step, e.value, e.wallTime);
    QVERIFY(writer.flush());

    const std::vector<ScalarEvent> out = readScalarEvents(writer.filePath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(out.size(), in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        QCOMPARE(out[i].tag, in[i].tag);
        QCOMPARE(out[i].step, in[i].step);
        QCOMPARE(floatBits(out[i].value), floatBits(in[i].value));
        QCOMPARE(std::memcmp(&out[i].wallTime, &in[i].wallTime, sizeof(double)), 0);
    }

    // Reading while the writer still appends sees everything written so far.
    writer.addScalar(QStringLiteral("later"), 99, 7.0f, 1.0);
    QCOMPARE(readScalarEvents(writer.filePath(), &error).size(), in.size() + 1);
    QVERIFY(error.isEmpty());
}

void TestEventFile::firstRecordIsFileVersion()
{
    QTemporaryDir dir;
    const double before = EventFileWriter::now();
    EventFileWriter writer;
    QVERIFY(writer.open(dir.path()));
    writer.close();
    const QByteArray bytes = readAll(writer.filePath());
    QVERIFY(bytes.size() > 16);
    const quint64 length = qFromLittleEndian<quint64>(bytes.constData());
    QCOMPARE(qint64(bytes.size()), qint64(12 + length + 4)); // exactly one record
    const QByteArray data = bytes.mid(12, qsizetype(length));
    // wall_time (field 1, fixed64) then file_version (field 3) "brain.Event:2".
    QCOMPARE(data.at(0), char(0x09));
    double wallTime;
    const quint64 bits = qFromLittleEndian<quint64>(data.constData() + 1);
    std::memcpy(&wallTime, &bits, sizeof wallTime);
    QVERIFY(wallTime >= before && wallTime <= EventFileWriter::now());
    QCOMPARE(data.mid(9), lengthDelimited(3, "brain.Event:2"));
    QString error;
    QVERIFY(readScalarEvents(writer.filePath(), &error).empty());
    QVERIFY(error.isEmpty());
}

void TestEventFile::defaultWallTimeIsNow()
{
    QTemporaryDir dir;
    EventFileWriter writer;
    QVERIFY(writer.open(dir.path()));
    const double before = EventFileWriter::now();
    writer.addScalar(QStringLiteral("x"), 1, 1.0f);
    const double after = EventFileWriter::now();
    const auto events = readScalarEvents(writer.filePath());
    QCOMPARE(events.size(), size_t(1));
    QVERIFY(events[0].wallTime >= before && events[0].wallTime <= after);
    QVERIFY(before > 1.6e9); // seconds since 1970, not milliseconds
    QVERIFY(before < 1e10);
}

void TestEventFile::fileNamePattern()
{
    QTemporaryDir dir;
    const QString runDir = dir.filePath(QStringLiteral("runs/exp 1")); // created on open
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    EventFileWriter a, b;
    QVERIFY(a.open(runDir));
    QVERIFY(b.open(runDir)); // same second, same folder: a file of its own
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(a.filePath() != b.filePath());
    QCOMPARE(QFileInfo(a.filePath()).absolutePath(), QFileInfo(runDir).absoluteFilePath());

    const QString host = QRegularExpression::escape(QSysInfo::machineHostName());
    const QRegularExpression pattern(QStringLiteral("^events\\.out\\.tfevents\\.(\\d{10})\\.") + host
                                     + QStringLiteral("(\\.\\d+)?$"));
    for (const EventFileWriter *w : {&a, &b}) {
        const auto match = pattern.match(QFileInfo(w->filePath()).fileName());
        QVERIFY2(match.hasMatch(), qPrintable(w->filePath()));
        const qint64 secs = match.captured(1).toLongLong();
        QVERIFY(secs >= before && secs <= after);
    }

    // TensorBoard's reader matches "tfevents" in the name; both files read cleanly.
    a.addScalar(QStringLiteral("a"), 1, 1.0f);
    b.addScalar(QStringLiteral("b"), 1, 2.0f);
    QCOMPARE(readScalarEvents(a.filePath()).at(0).tag, QStringLiteral("a"));
    QCOMPARE(readScalarEvents(b.filePath()).at(0).tag, QStringLiteral("b"));
}

void TestEventFile::openFailsWhereNoFolderCanBe()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plain-file"));
    writeAll(file, "x");
    EventFileWriter writer;
    QString error;
    QVERIFY(!writer.open(file + QStringLiteral("/run"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!writer.isOpen());
    writer.addScalar(QStringLiteral("x"), 1, 1.0f); // harmless
    QVERIFY(!writer.flush());
}

void TestEventFile::notOpenWritesNothing()
{
    EventFileWriter writer;
    writer.addScalar(QStringLiteral("x"), 1, 1.0f);
    QVERIFY(!writer.flush());
    QVERIFY(!writer.errorString().isEmpty());
}

void TestEventFile::tornTail_data()
{
    QTest::addColumn<int>("record"); // index among the scalars of the record that gets cut
    QTest::addColumn<int>("cut");    // bytes of it that remain
    // Every record here is 12 + data + 4 bytes; data is well over 20 bytes.
    QTest::newRow("first scalar, 1 byte of header") << 0 << 1;
    QTest::newRow("middle, header only") << 3 << 12;
    QTest::newRow("middle, inside data") << 3 << 20;
    QTest::newRow("last, 1 byte of data CRC missing") << 5 << -1;
    QTest::newRow("last, in the length") << 5 << 7;
}

void TestEventFile::tornTail()
{
    QFETCH(int, record);
    QFETCH(int, cut);
    QTemporaryDir dir;
    const Written w = writeSample(dir.path(), 6);
    const qint64 start = w.recordEnds[size_t(record)];
    const qint64 end = w.recordEnds[size_t(record) + 1];
    const qint64 keep = cut >= 0 ? start + cut : end + cut;
    QVERIFY(keep > start && keep < end);
    QVERIFY(QFile::resize(w.path, keep));

    QString error;
    const std::vector<ScalarEvent> events = readScalarEvents(w.path, &error);
    QCOMPARE(events.size(), size_t(record));
    for (int i = 0; i < record; ++i)
        QCOMPARE(events[size_t(i)].step, w.scalars[size_t(i)].step);
    QVERIFY2(error.contains(QString::number(start)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("torn")), qPrintable(error));
}

void TestEventFile::flippedByte_data()
{
    QTest::addColumn<int>("record");
    QTest::addColumn<int>("at"); // byte within the record; negative counts from its end
    QTest::newRow("length") << 2 << 0;
    QTest::newRow("length CRC") << 2 << 9;
    QTest::newRow("data, first byte") << 2 << 12;
    QTest::newRow("data, inside the tag") << 4 << 30;
    QTest::newRow("data CRC") << 4 << -2;
    QTest::newRow("file_version record") << -1 << 14;
}

void TestEventFile::flippedByte()
{
    QFETCH(int, record);
    QFETCH(int, at);
    QTemporaryDir dir;
    const Written w = writeSample(dir.path(), 6);
    // Scalar k spans recordEnds[k]..recordEnds[k + 1]; record -1 is the file_version record.
    const qint64 start = record < 0 ? 0 : w.recordEnds[size_t(record)];
    const qint64 end = w.recordEnds[size_t(record + 1)];
    const qint64 pos = at >= 0 ? start + at : end + at;
    QByteArray bytes = readAll(w.path);
    bytes[pos] = char(bytes[pos] ^ 0x10);
    writeAll(w.path, bytes);

    QString error;
    const std::vector<ScalarEvent> events = readScalarEvents(w.path, &error);
    QCOMPARE(events.size(), size_t(std::max(0, record)));
    QVERIFY2(error.contains(QString::number(start)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("checksum")), qPrintable(error));
}

void TestEventFile::unknownFieldsAreSkipped()
{
    // Unknown fields of every wire type, at every level, before and after the known ones.
    const QByteArray group = key(30, 3) + key(1, 0) + varint(5) + key(31, 3) + lengthDelimited(2, "nested")
                             + key(31, 4) + fixed32(3, 9) + key(30, 4);
    const QByteArray unknowns = key(40, 0) + varint(quint64(-1)) + fixed64(41, 1) + lengthDelimited(42, "skip me")
                                + fixed32(43, 2) + group;
    const QByteArray value = unknowns + lengthDelimited(1, "tag") + unknowns + fixed32(2, floatBits(2.5f))
                             + lengthDelimited(9, lengthDelimited(1, lengthDelimited(1, "scalars")));
    const QByteArray summary = unknowns + lengthDelimited(1, value) + unknowns;
    const QByteArray event = unknowns + doubleField(1, 12.5) + unknowns + key(2, 0) + varint(77)
                             + lengthDelimited(5, summary) + unknowns;
    // Also: a field whose wire type does not match its known type is an unknown field, a value
    // replaced by a tensor is no longer a scalar, and two summaries merge.
    const QByteArray oddStep = doubleField(1, 1.0) + key(2, 0) + varint(8) + fixed64(2, 123)
                               + lengthDelimited(5, lengthDelimited(1, lengthDelimited(1, "a") + fixed32(2, floatBits(1.0f))))
                               + lengthDelimited(5, lengthDelimited(1, lengthDelimited(1, "b") + fixed32(2, floatBits(2.0f))))
                               + lengthDelimited(5, lengthDelimited(1, lengthDelimited(1, "t") + fixed32(2, floatBits(3.0f))
                                                                           + lengthDelimited(8, "tensor")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.test"));
    writeAll(path, record(event) + record(oddStep));

    QString error;
    const std::vector<ScalarEvent> events = readScalarEvents(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(events.size(), size_t(3));
    QCOMPARE(events[0].tag, QStringLiteral("tag"));
    QCOMPARE(events[0].step, qint64(77));
    QCOMPARE(events[0].value, 2.5f);
    QCOMPARE(events[0].wallTime, 12.5);
    QCOMPARE(events[1].tag, QStringLiteral("a"));
    QCOMPARE(events[1].step, qint64(8));
    QCOMPARE(events[2].tag, QStringLiteral("b"));
    QCOMPARE(events[2].step, qint64(8));
}

void TestEventFile::malformedEvent_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("varint cut short") << (doubleField(1, 1.0) + key(2, 0) + QByteArray("\x80\x80", 2));
    QTest::newRow("varint of 11 bytes") << (key(2, 0) + QByteArray(10, char(0x80)) + QByteArray(1, 1));
    QTest::newRow("length past the end") << (key(5, 2) + varint(100) + QByteArray("abc"));
    QTest::newRow("wire type 7") << key(9, 7);
    QTest::newRow("wire type 6") << key(9, 6);
    QTest::newRow("field number 0") << (key(0, 0) + varint(1));
    QTest::newRow("stray end group") << key(9, 4);
    QTest::newRow("group never ended") << (key(9, 3) + key(1, 0) + varint(1));
    QTest::newRow("group ended by another") << (key(9, 3) + key(10, 4));
    QByteArray deep;
    for (int i = 0; i < 200; ++i)
        deep += key(9, 3);
    QTest::newRow("groups nested 200 deep") << deep;
    QTest::newRow("fixed64 cut short") << QByteArray("\x09\x01\x02", 3);
    QTest::newRow("bad summary inside") << lengthDelimited(5, key(1, 2) + varint(50));
    QTest::newRow("bad value inside") << lengthDelimited(5, lengthDelimited(1, fixed32(2, 1).left(3)));
}

void TestEventFile::malformedEvent()
{
    QFETCH(QByteArray, data);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.test"));
    const QByteArray good = record(scalarEvent("ok", 1, 1.0f, 1.0));
    writeAll(path, good + record(data) + good);
    QString error;
    const std::vector<ScalarEvent> events = readScalarEvents(path, &error);
    QCOMPARE(events.size(), size_t(1)); // the good record before; reading stops at the bad one
    QVERIFY2(error.contains(QString::number(good.size())), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Event")), qPrintable(error));
}

void TestEventFile::missingFile()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(readScalarEvents(dir.filePath(QStringLiteral("nope")), &error).empty());
    QVERIFY(!error.isEmpty());

    const QString empty = dir.filePath(QStringLiteral("empty"));
    writeAll(empty, QByteArray());
    QVERIFY(readScalarEvents(empty, &error).empty());
    QVERIFY(error.isEmpty()); // an empty file is a file with no records yet
}

void TestEventFile::referenceFile()
{
    // Encoded by Google's protobuf library with CRCs from python3-crc32c (make_event.py).
    const QString dir = QStringLiteral(LOUPE_TEST_DATA "/events/");
    QFile f(dir + QStringLiteral("expected.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray expected = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("scalars")).toArray();
    QVERIFY(expected.size() >= 10);

    QString error;
    const std::vector<ScalarEvent> events =
        readScalarEvents(dir + QStringLiteral("events.out.tfevents.1718000000.reference"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(events.size(), size_t(expected.size()));
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected[i].toObject();
        QCOMPARE(events[size_t(i)].tag, e.value(QStringLiteral("tag")).toString());
        QCOMPARE(events[size_t(i)].step, qint64(e.value(QStringLiteral("step")).toDouble()));
        QCOMPARE(floatBits(events[size_t(i)].value), e.value(QStringLiteral("value_bits")).toString().toUInt(nullptr, 16));
        QCOMPARE(events[size_t(i)].wallTime, e.value(QStringLiteral("wall_time")).toDouble());
    }
}

QTEST_GUILESS_MAIN(TestEventFile)
#include "tst_eventfile.moc"
