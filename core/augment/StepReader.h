#pragma once

// Inside the transforms (augment/Transforms.h): reading one step's JSON object.

#include "augment/Transforms.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace loupe::transforms::detail {

/// A JSON value as an error message shows it: numbers and strings as written, else what it is.
QString describe(const QJsonValue &v);

/// Reads the fields of one step: every refusal is a PipelineError naming the path and what was
/// expected, and finish() refuses the fields the step does not know.
class StepReader
{
public:
    StepReader(const QJsonObject &object, const QString &path, const QString &type)
        : m_object(object)
        , m_path(path)
        , m_type(type)
    {
        m_read.insert(QStringLiteral("type"));
    }

    QString at(const QString &key) const { return m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }

    [[noreturn]] void fail(const QString &key, const QString &problem) const { throw PipelineError(at(key), problem); }

    int integer(const QString &key, int lo, int hi, std::optional<int> fallback = std::nullopt);
    /// A number in [lo, hi] (or (lo, hi] when `openLow`).
    double number(const QString &key, double lo, double hi, std::optional<double> fallback = std::nullopt,
                  bool openLow = false);
    bool boolean(const QString &key, bool fallback);
    int choice(const QString &key, const QStringList &options, int fallback);
    /// 1 to 4 numbers in [lo, hi] (or (lo, hi]), one per channel.
    std::vector<double> numbers(const QString &key, double lo, double hi, bool openLow);
    /// `enabled` for every step; `probability` only where the step is random.
    void common(Transform &t);
    void requireOrdered(const QString &lowKey, double low, const QString &highKey, double high) const;
    /// Refuses fields the step does not know (a typo would otherwise be ignored silently).
    void finish() const;
    /// Marks a field as known without reading it (for the field list in errors).
    void know(const QString &key) { m_read.insert(key); }

private:
    QJsonValue take(const QString &key);

    QJsonObject m_object;
    QString m_path;
    QString m_type;
    QSet<QString> m_read;
};

} // namespace loupe::transforms::detail
