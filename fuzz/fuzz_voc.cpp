// Pascal VOC: up to two Annotations/*.xml files (split at the separator) beside JPEGImages/.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzVoc)
{
    const fuzz::Scratch scratch;
    scratch.write(QStringLiteral("JPEGImages/a.jpg"), fuzz::tinyJpeg());
    scratch.write(QStringLiteral("JPEGImages/b.png"), fuzz::tinyPng());
    const std::vector<QByteArray> parts = fuzz::splitParts(data, size, 2);
    scratch.write(QStringLiteral("Annotations/a.xml"), parts[0]);
    if (parts.size() > 1)
        scratch.write(QStringLiteral("Annotations/b.xml"), parts[1]);
    try {
        fuzz::checkDataset(importDataset(scratch.dir()));
    } catch (const LabelFileError &) {
    } catch (const DatasetError &) {
    }
    return 0;
}
