#include "OptionValues.h"

#include "Command.h"

namespace loupe::cli {

bool readInt(const QCommandLineParser &p, const QCommandLineOption &o, int min, int *out, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const int v = p.value(o).toInt(&ok);
    if (!ok || v < min) {
        *error = Cli::tr("--%1 expects a whole number of %2 or more, got \"%3\"")
                     .arg(o.names().front())
                     .arg(min)
                     .arg(p.value(o));
        return false;
    }
    *out = v;
    return true;
}

bool readDouble(const QCommandLineParser &p, const QCommandLineOption &o, double *out, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    if (!ok) {
        *error = Cli::tr("--%1 expects a number, got \"%2\"").arg(o.names().front(), p.value(o));
        return false;
    }
    *out = v;
    return true;
}

bool readSeed(const QCommandLineParser &p, const QCommandLineOption &o, quint64 *out, QString *error)
{
    // Set, or not set but with a default value (make-demo, overfit-check): either way it is read.
    if (!p.isSet(o) && o.defaultValues().isEmpty())
        return true;
    bool ok = false;
    const quint64 v = p.value(o).toULongLong(&ok);
    if (!ok) {
        *error = Cli::tr("--seed expects a whole number, got \"%1\"").arg(p.value(o));
        return false;
    }
    *out = v;
    return true;
}

} // namespace loupe::cli
