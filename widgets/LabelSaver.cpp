#include "LabelSaver.h"

#include "ErrorText.h"

#include <QEventLoop>

namespace loupe {

LabelSaver::LabelSaver(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_save(&saveLabelEdits)
{
    m_thread.setObjectName(QStringLiteral("labelSaver"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LabelSaver::~LabelSaver()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

bool LabelSaver::start(const InspectionPtr &inspection, std::vector<LabelEdit> edits)
{
    if (m_busy || !inspection)
        return false;
    m_busy = true;
    QMetaObject::invokeMethod(
        m_worker,
        [this, inspection, edits = std::move(edits), save = m_save] {
            LabelSaveResult result;
            const QString error = errorTextOf([&] { result = save(inspection->dataset, edits); });
            QMetaObject::invokeMethod(
                this,
                [this, result, error] {
                    m_busy = false;
                    Q_EMIT finished(result.backupFolder, result.changedFiles, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

void LabelSaver::waitForFinished()
{
    if (!m_busy)
        return;
    QEventLoop loop;
    connect(this, &LabelSaver::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace loupe
