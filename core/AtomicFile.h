#pragma once

// The one way core writes a file that must never be left half-written.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <functional>

namespace loupe {

/// Writes a whole file or nothing: the bytes go to a temporary file beside it, which is renamed
/// over the old one only once every byte was written, so a full disk, a crash or a kill leaves
/// the previous file as it was. Does not create the folder. Returns "" on success, else
/// "cannot write FILE: REASON"; `reason`, when given, receives the reason alone (for callers that
/// word their own message).
QString writeFileAtomically(const QString &file, const QByteArray &bytes, QString *reason = nullptr);

/// Takes the bytes of a file in order. It never fails: after a write error it drops the rest and
/// writeStreamAtomically reports the error once the producer is done.
using ByteSink = std::function<void(const void *data, std::size_t size)>;

/// writeFileAtomically for files too big to hold in memory (models of hundreds of megabytes):
/// `produce` hands the bytes to the sink in order; the file is synced to disk, renamed over the old
/// one and its folder synced. An exception from `produce` (its what() the reason) or a failed write
/// leaves the old file as it was. Returns "" on success, else "cannot write FILE: REASON".
QString writeStreamAtomically(const QString &file, const std::function<void(const ByteSink &)> &produce,
                              QString *reason = nullptr);

} // namespace loupe
