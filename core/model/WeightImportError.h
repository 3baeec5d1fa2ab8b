#pragma once

#include <QString>

#include <stdexcept>

namespace loupe {

/// Weights that cannot go into the model: an unreadable file, a missing parameter, or a shape
/// that does not fit (the message names the parameter and both shapes).
class WeightImportError : public std::runtime_error {
public:
    explicit WeightImportError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace loupe
