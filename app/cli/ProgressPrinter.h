#pragma once

#include <QElapsedTimer>
#include <QString>

#include <mutex>

namespace loupe::cli {

/// Progress on stderr: a redrawn line on a terminal, a few plain lines otherwise; at most ~10 a second.
class ProgressPrinter
{
public:
    ProgressPrinter();
    /// Ends a line left open (an error thrown mid-phase), so that a message starts on its own line.
    ~ProgressPrinter();
    ProgressPrinter(const ProgressPrinter &) = delete;
    ProgressPrinter &operator=(const ProgressPrinter &) = delete;

    void update(const QString &phase, int done, int total);
    void finish();

private:
    std::mutex m_mutex;
    QString m_phase;
    QElapsedTimer m_timer;
    bool m_tty = false;
};

} // namespace loupe::cli
