#pragma once

#include <QMenu>

namespace loupe {

class MainWindow;

/// File › Open Recent: the datasets the window opened successfully, newest first.
class RecentDatasetsMenu : public QMenu
{
    Q_OBJECT
public:
    explicit RecentDatasetsMenu(MainWindow *window);

private:
    void rebuild();

    MainWindow *m_window;
};

} // namespace loupe
