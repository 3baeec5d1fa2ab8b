#include "TrainRunsList.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace loupe {

namespace {

// The list was part of TrainPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::TrainPanel)
};

} // namespace

TrainRunsList::TrainRunsList(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_resume(new QPushButton(Text::tr("Resume"), this))
{
    m_view->setObjectName(QStringLiteral("runs"));
    m_view->setModel(&m_runs);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(RunsModel::ConfigColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(RunsModel::RunColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunsModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunsModel::ScoreColumn, QHeaderView::ResizeToContents);
    m_resume->setObjectName(QStringLiteral("resumeRun"));
    m_resume->setToolTip(Text::tr("Continue the selected cancelled or interrupted run from its last checkpoint."));
    auto *buttons = new QHBoxLayout;
    auto *title = new QLabel(Text::tr("<b>Runs</b> (select one to see its curves)"), this);
    title->setWordWrap(true);
    buttons->addWidget(title, 1);
    auto *refresh = new QPushButton(Text::tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshRuns"));
    buttons->addWidget(refresh);
    buttons->addWidget(m_resume);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view);

    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const RunSummary *r = current())
            Q_EMIT resumeRequested(r->dir);
    });
    connect(refresh, &QPushButton::clicked, this, &TrainRunsList::refreshRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) { Q_EMIT currentRunChanged(index.row()); });
}

const RunSummary *TrainRunsList::current() const
{
    return m_runs.run(m_view->currentIndex().row());
}

void TrainRunsList::reload(const QString &runsRoot, const QString &liveRunDir, const QString &fallback)
{
    const RunSummary *r = current();
    const QString selected = r ? r->dir : QString();
    const QSignalBlocker block(m_view->selectionModel());
    m_runs.refresh(runsRoot, liveRunDir);
    const int row = m_runs.rowOfDir(selected.isEmpty() ? fallback : selected);
    if (row >= 0)
        m_view->selectRow(row);
}

void TrainRunsList::selectQuietly(const QString &dir)
{
    const int row = m_runs.rowOfDir(dir);
    if (row < 0)
        return;
    const QSignalBlocker block(m_view->selectionModel());
    m_view->selectRow(row);
}

void TrainRunsList::setResumeEnabled(bool enabled)
{
    m_resume->setEnabled(enabled);
}

} // namespace loupe
