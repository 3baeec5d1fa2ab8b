// COCO JSON (images, categories, boxes, polygons, RLE) through importDataset.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzCoco)
{
    const fuzz::Scratch scratch;
    scratch.write(QStringLiteral("images/a.jpg"), fuzz::tinyJpeg());
    scratch.write(QStringLiteral("images/b.png"), fuzz::tinyPng());
    scratch.write(QStringLiteral("c.png"), fuzz::tinyPng());
    const QString json = scratch.write(QStringLiteral("annotations.json"), fuzz::splitParts(data, size, 1).front());
    try {
        fuzz::checkDataset(importDataset(json));
    } catch (const LabelFileError &) {
    } catch (const DatasetError &) {
    }
    return 0;
}
