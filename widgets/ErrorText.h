#pragma once

#include "dataset/Errors.h"

#include <QString>

#include <exception>
#include <utility>

namespace loupe {

/// Runs `work` and says what went wrong in words: the message of the DatasetError, LabelFileError
/// or other std::exception it threw, empty when it returned. For workers that report errors as text.
template <typename Work>
QString errorTextOf(Work &&work)
{
    try {
        std::forward<Work>(work)();
    } catch (const DatasetError &e) {
        return e.message();
    } catch (const LabelFileError &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QString::fromLocal8Bit(e.what());
    }
    return {};
}

} // namespace loupe
