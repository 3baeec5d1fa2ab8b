#pragma once

#include <QObject>

class QMimeData;

namespace loupe {

class MainWindow;

/// Opens a folder or label file dropped anywhere on the main window (text fields included).
class DropOpener : public QObject
{
    Q_OBJECT
public:
    /// Installs itself on the application and accepts drops for `window`; owned by it.
    explicit DropOpener(MainWindow *window);

    /// The dataset a drop would open: the first local folder or file, or empty.
    static QString droppedPath(const QMimeData *mime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow *m_window;
};

} // namespace loupe
