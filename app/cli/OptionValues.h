#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace loupe::cli {

// Readers of option values: each leaves *out alone when the option is not given, and on a bad
// value returns false with a message naming the option ("--epochs expects ...").

/// A whole number of at least `min`.
bool readInt(const QCommandLineParser &p, const QCommandLineOption &o, int min, int *out, QString *error);
/// Any number.
bool readDouble(const QCommandLineParser &p, const QCommandLineOption &o, double *out, QString *error);
/// The --seed option: a whole number of 0 or more (read from its default value when it has one).
bool readSeed(const QCommandLineParser &p, const QCommandLineOption &o, quint64 *out, QString *error);

} // namespace loupe::cli
