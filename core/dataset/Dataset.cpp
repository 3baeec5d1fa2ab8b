#include "dataset/Dataset.h"

#include <QFileInfo>

namespace loupe {

QString datasetFolder(const QString &root)
{
    if (root.isEmpty())
        return {};
    const QFileInfo info(root);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

} // namespace loupe
