// YOLO: parts are data.yaml, labels/a.txt, classes.txt, labels/sub/b.txt (an empty part writes no file).
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzYolo)
{
    const fuzz::Scratch scratch;
    scratch.write(QStringLiteral("images/a.png"), fuzz::tinyPng());
    scratch.write(QStringLiteral("images/sub/b.jpg"), fuzz::tinyJpeg());
    const std::vector<QByteArray> parts = fuzz::splitParts(data, size, 4);
    const char *names[] = {"data.yaml", "labels/a.txt", "classes.txt", "labels/sub/b.txt"};
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (!parts[i].isEmpty())
            scratch.write(QLatin1String(names[i]), parts[i]);
    scratch.write(QStringLiteral("labels/.keep"), {}); // the labels/ folder is what auto-detection sees
    try {
        fuzz::checkDataset(importDataset(scratch.dir()));
    } catch (const LabelFileError &) {
    } catch (const DatasetError &) {
    }
    return 0;
}
