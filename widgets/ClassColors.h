#pragma once

#include <QColor>

namespace loupe {

/// A stable, distinguishable colour per class index, shared by the grid badges and viewer overlays.
inline QColor classColor(int classId)
{
    if (classId < 0)
        return QColor(128, 128, 128);
    // Tableau 10: readable on light and dark thumbnails; beyond ten classes, rotate the hue.
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    if (classId < 10)
        return QColor(palette[classId]);
    return QColor::fromHsv((classId * 47) % 360, 170, 220);
}

} // namespace loupe
