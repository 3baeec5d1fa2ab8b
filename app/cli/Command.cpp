#include "Command.h"

#include "dataset/Errors.h"

#include <cstdio>

namespace loupe::cli {

int fail(const QString &message)
{
    std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(message));
    return BadInput;
}

int runCommand(const Command &command, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(command.description());
    p.addHelpOption();
    command.declare(p);
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    // A command's progress printer finishes its line while the stack unwinds, before the message.
    try {
        return command.run(p);
    } catch (const LabelFileError &e) {
        return fail(e.message());
    } catch (const DatasetError &e) {
        return fail(e.message());
    }
}

} // namespace loupe::cli
