#include "augment/StepReader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace loupe::transforms::detail {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

QString rangeText(double lo, double hi, bool openLow)
{
    return openLow ? Text::tr("expected a number above %1 and at most %2").arg(num(lo), num(hi))
                   : Text::tr("expected a number from %1 to %2").arg(num(lo), num(hi));
}

} // namespace

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array: return Text::tr("a list");
    case QJsonValue::Object: return Text::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Text::tr("nothing");
}

int StepReader::integer(const QString &key, int lo, int hi, std::optional<int> fallback)
{
    const QString expected = Text::tr("expected a whole number from %1 to %2").arg(lo).arg(hi);
    const QJsonValue v = take(key);
    if (v.isUndefined()) {
        if (fallback)
            return *fallback;
        fail(key, Text::tr("missing; %1").arg(expected));
    }
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
        fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
    return int(d);
}

double StepReader::number(const QString &key, double lo, double hi, std::optional<double> fallback, bool openLow)
{
    const QString expected = rangeText(lo, hi, openLow);
    const QJsonValue v = take(key);
    if (v.isUndefined()) {
        if (fallback)
            return *fallback;
        fail(key, Text::tr("missing; %1").arg(expected));
    }
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d > hi || (openLow ? d <= lo : d < lo))
        fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
    return d;
}

bool StepReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        fail(key, Text::tr("expected true or false, found %1").arg(describe(v)));
    return v.toBool();
}

int StepReader::choice(const QString &key, const QStringList &options, int fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    const int i = v.isString() ? int(options.indexOf(v.toString())) : -1;
    if (i < 0)
        fail(key, Text::tr("expected one of %1, found %2").arg(options.join(QStringLiteral(", ")), describe(v)));
    return i;
}

std::vector<double> StepReader::numbers(const QString &key, double lo, double hi, bool openLow)
{
    const QString expected = Text::tr("expected a list of 1 to 4 numbers (one per channel, RGB order)");
    const QJsonValue v = take(key);
    if (v.isUndefined())
        fail(key, Text::tr("missing; %1").arg(expected));
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.isEmpty() || a.size() > 4)
        fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
    std::vector<double> out;
    for (int i = 0; i < a.size(); ++i) {
        const double d = a[i].toDouble();
        if (!a[i].isDouble() || !std::isfinite(d) || d > hi || (openLow ? d <= lo : d < lo)) {
            throw PipelineError(at(key) + QStringLiteral("[%1]").arg(i),
                                Text::tr("%1, found %2").arg(rangeText(lo, hi, openLow), describe(a[i])));
        }
        out.push_back(d);
    }
    return out;
}

void StepReader::common(Transform &t)
{
    t.enabled = boolean(QStringLiteral("enabled"), true);
    if (t.isRandom()) {
        t.probability = number(QStringLiteral("probability"), 0, 1, t.probability);
    } else if (has(QStringLiteral("probability"))) {
        const QJsonValue v = m_object.value(QStringLiteral("probability"));
        if (!(v.isDouble() && v.toDouble() == 1.0))
            fail(QStringLiteral("probability"),
                 Text::tr("%1 always applies (it is not a random step); expected 1 or no probability, found %2")
                     .arg(m_type, describe(v)));
        take(QStringLiteral("probability"));
    }
}

void StepReader::requireOrdered(const QString &lowKey, double low, const QString &highKey, double high) const
{
    if (high < low)
        fail(highKey, Text::tr("expected at least %1 (the value of %2), found %3").arg(num(low), lowKey, num(high)));
}

void StepReader::finish() const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_read.contains(it.key())) {
            QStringList known(m_read.begin(), m_read.end());
            known.removeAll(QStringLiteral("type"));
            known.sort();
            fail(it.key(), Text::tr("unknown field; %1 takes %2").arg(m_type, known.join(QStringLiteral(", "))));
        }
    }
}

QJsonValue StepReader::take(const QString &key)
{
    m_read.insert(key);
    return m_object.value(key);
}

} // namespace loupe::transforms::detail
