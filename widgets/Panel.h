#pragma once

#include "InspectController.h"

#include <QWidget>

namespace loupe {

/// A page of the main window (browser, augment, train, predictions) that follows the open dataset.
class Panel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// The dataset the window has open now, after its inspection; null while none is.
    virtual void setInspection(const InspectionPtr &inspection) = 0;
};

} // namespace loupe
