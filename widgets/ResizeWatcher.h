#pragma once

#include <QEvent>
#include <QObject>

#include <functional>
#include <utility>

namespace loupe {

/// Lets a page hear about a widget's resizes and shows (e.g. a list's viewport, to ask for the
/// thumbnails now visible) without subclassing the widget. Install it as an event filter.
class ResizeWatcher : public QObject
{
public:
    ResizeWatcher(QObject *parent, std::function<void()> onResize)
        : QObject(parent)
        , m_onResize(std::move(onResize))
    {
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            m_onResize();
        return false;
    }

private:
    std::function<void()> m_onResize;
};

} // namespace loupe
