#include "ProgressPrinter.h"

#include <cstdio>
#include <unistd.h>

namespace loupe::cli {

ProgressPrinter::ProgressPrinter()
    : m_tty(isatty(fileno(stderr)))
{
}

ProgressPrinter::~ProgressPrinter()
{
    finish();
}

void ProgressPrinter::update(const QString &phase, int done, int total)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const bool last = total > 0 && done >= total;
    if (!last && phase == m_phase && m_timer.isValid() && m_timer.elapsed() < 100)
        return;
    if (phase != m_phase && !m_phase.isEmpty() && m_tty)
        std::fputc('\n', stderr);
    m_phase = phase;
    m_timer.start();
    if (m_tty) {
        std::fprintf(stderr, "\r%s %d/%d", qPrintable(phase), done, total);
        std::fflush(stderr);
    } else if (last) {
        std::fprintf(stderr, "%s %d/%d\n", qPrintable(phase), done, total);
    }
}

void ProgressPrinter::finish()
{
    if (m_tty && !m_phase.isEmpty())
        std::fputc('\n', stderr);
    m_phase.clear();
}

} // namespace loupe::cli
