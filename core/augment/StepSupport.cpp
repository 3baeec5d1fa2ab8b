#include "augment/StepSupport.h"

#include "augment/Random.h"

#include <QCoreApplication>

namespace loupe::transforms::detail {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

} // namespace

bool start(const Transform &t, std::uint64_t &state, AppliedStep &applied)
{
    applied.type = t.type();
    applied.params.clear();
    applied.applied = false;
    if (!t.enabled)
        return false;
    if (t.isRandom()) {
        Random rng(state);
        if (!rng.chance(t.probability))
            return false;
    }
    applied.applied = true;
    return true;
}

void requireBytes(const cv::Mat &image, const QString &type)
{
    if (image.depth() != CV_8U)
        throw PipelineError(type, Text::tr("expected an 8-bit image; steps after normalize are not supported"));
}

void makeWritable(cv::Mat &m)
{
    if (!m.u || m.u->refcount > 1)
        m = m.clone();
}

void applyTable(cv::Mat &image, const cv::Mat &table)
{
    makeWritable(image);
    cv::LUT(image, table, image);
}

const QStringList &borderNames()
{
    static const QStringList names{QStringLiteral("reflect"), QStringLiteral("replicate"), QStringLiteral("constant")};
    return names;
}

const QStringList &interpolationNames()
{
    static const QStringList names{QStringLiteral("auto"), QStringLiteral("nearest"), QStringLiteral("linear"),
                                   QStringLiteral("cubic"), QStringLiteral("area")};
    return names;
}

QJsonObject begin(const Transform &t)
{
    QJsonObject o{{QStringLiteral("type"), t.type()}, {QStringLiteral("enabled"), t.enabled}};
    if (t.isRandom())
        o.insert(QStringLiteral("probability"), t.probability);
    return o;
}

QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

QVariantList toList(const std::vector<double> &v)
{
    QVariantList a;
    for (double d : v)
        a.append(d);
    return a;
}

void writeBorder(QJsonObject &o, Border border, double value)
{
    o.insert(QStringLiteral("border"), borderNames().at(int(border)));
    o.insert(QStringLiteral("border_value"), value);
}

void writeRange(QJsonObject &o, double min, double max)
{
    o.insert(QStringLiteral("min"), min);
    o.insert(QStringLiteral("max"), max);
}

} // namespace loupe::transforms::detail
