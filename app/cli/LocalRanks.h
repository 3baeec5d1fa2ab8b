#pragma once

#include <QStringList>

namespace loupe::cli {

/// `loupe-cli train --nproc N`: starts N ranks of this very command as child processes on
/// 127.0.0.1 and a free port, shows rank 0's output as it comes and another rank's last lines only
/// when it fails, says which rank ended how, and stops the rest when one fails. Returns the worst
/// exit status of the ranks (a rank killed by a signal counts as failed).
int runLocalRanks(const QStringList &arguments, int nproc, int timeoutSeconds);

/// The arguments of one rank: `arguments` (argv) without --nproc, with --distributed, and with
/// --threads set to the rank's share of the cores unless it was given.
QStringList rankArguments(const QStringList &arguments, int nproc);

/// A TCP port nobody listens on now (0 when none could be found).
int freePort();

} // namespace loupe::cli
