#pragma once

#include "train/Diagnosis.h"

#include <QLabel>

namespace loupe {

/// The Train page's banner: the practice's diagnosis of the curves (verdict, evidence, remedies),
/// coloured by how worrying it is.
class DiagnosisBanner : public QLabel
{
    Q_OBJECT
public:
    explicit DiagnosisBanner(QWidget *parent = nullptr);

    void showDiagnosis(const Diagnosis &diagnosis);
};

} // namespace loupe
