// CSV labels (`path,label` lines) through importDataset, as `loupe-cli inspect labels.csv` reads them.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzCsv)
{
    const fuzz::Scratch scratch;
    scratch.write(QStringLiteral("a.png"), fuzz::tinyPng());
    scratch.write(QStringLiteral("b.jpg"), fuzz::tinyJpeg());
    scratch.write(QStringLiteral("sub/c.png"), fuzz::tinyPng());
    scratch.write(QStringLiteral("Foto 1 é.png"), fuzz::tinyPng());
    const QString csv = scratch.write(QStringLiteral("labels.csv"), fuzz::splitParts(data, size, 1).front());
    try {
        fuzz::checkDataset(importDataset(csv));
    } catch (const LabelFileError &) {
    } catch (const DatasetError &) {
    }
    return 0;
}
