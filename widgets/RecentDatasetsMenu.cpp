#include "RecentDatasetsMenu.h"

#include "MainWindow.h"
#include "Settings.h"

#include <QFileInfo>

namespace loupe {

RecentDatasetsMenu::RecentDatasetsMenu(MainWindow *window)
    : QMenu(tr("Open &Recent"), window)
    , m_window(window)
{
    setObjectName(QStringLiteral("recentDatasetsMenu"));
    connect(this, &QMenu::aboutToShow, this, &RecentDatasetsMenu::rebuild);
    // Remember what opened: a path that failed to import is not worth offering again.
    connect(window, &MainWindow::inspectionDone, this, [this] {
        if (const InspectionPtr inspection = m_window->inspection())
            RecentList().add(inspection->dataset.root);
    });
    rebuild();
}

void RecentDatasetsMenu::rebuild()
{
    clear();
    const QStringList items = RecentList().items();
    for (const QString &path : items) {
        QAction *a = addAction(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path);
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, m_window, [this, path] { m_window->openDataset(path); });
    }
    if (items.isEmpty()) {
        addAction(tr("No recent datasets"))->setEnabled(false);
    } else {
        addSeparator();
        addAction(tr("Clear Menu"), this, [] { RecentList().clear(); });
    }
}

} // namespace loupe
