#pragma once

// The one way core writes a file that must never be left half-written.

#include <QByteArray>
#include <QString>

namespace loupe {

/// Writes a whole file or nothing: the bytes go to a temporary file beside it, which is renamed
/// over the old one only once every byte was written, so a full disk, a crash or a kill leaves
/// the previous file as it was. Does not create the folder. Returns "" on success, else
/// "cannot write FILE: REASON"; `reason`, when given, receives the reason alone (for callers that
/// word their own message).
QString writeFileAtomically(const QString &file, const QByteArray &bytes, QString *reason = nullptr);

} // namespace loupe
