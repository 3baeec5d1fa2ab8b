#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace loupe::cli {

/// The translation context every loupe-cli string has always had.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(loupe::Cli)
};

/// loupe-cli's exit status (DESIGN.md, "Command line contract").
enum Exit { Done = 0, Failed = 1, BadInput = 2 };

/// Prints "loupe-cli: MESSAGE" on stderr and returns BadInput.
int fail(const QString &message);

/// One loupe-cli command: what it says in --help, the options it declares, and the work it does.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString description() const = 0;
    /// Positional arguments and options, declared after --help.
    virtual void declare(QCommandLineParser &parser) const = 0;
    /// Runs with parsed arguments; returns the exit status.
    virtual int run(const QCommandLineParser &parser) const = 0;
};

/// The one preamble of every command: parse (an unknown option or a missing value: exit 2 with one
/// line on stderr), --help (the command's help on stdout, exit 0), then run. Unusable input thrown
/// from the command (DatasetError, LabelFileError) becomes exit 2 with its message.
int runCommand(const Command &command, const QStringList &args);

} // namespace loupe::cli
