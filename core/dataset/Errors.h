#pragma once

#include <QString>

#include <stdexcept>

namespace loupe {

/// A label file that cannot be read: names the file, the place (line or JSON path) and what was expected.
class LabelFileError : public std::runtime_error
{
public:
    LabelFileError(const QString &file, const QString &place, const QString &problem)
        : std::runtime_error((place.isEmpty() ? file : file + QLatin1Char(':') + place).toStdString() + ": "
                             + problem.toStdString())
        , m_file(file)
        , m_place(place)
        , m_problem(problem)
    {
    }
    QString file() const { return m_file; }
    QString place() const { return m_place; }
    QString problem() const { return m_problem; }
    QString message() const { return QString::fromStdString(what()); }

private:
    QString m_file;
    QString m_place;
    QString m_problem;
};

/// Input that cannot be used at all: a missing path, an unknown format, a bad option.
class DatasetError : public std::runtime_error
{
public:
    explicit DatasetError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace loupe
