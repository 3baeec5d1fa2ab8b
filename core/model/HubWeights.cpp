#include "model/HubWeights.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::HubWeights)
};

} // namespace

QString torchHubCheckpointDir()
{
    const QString torchHome = qEnvironmentVariable("TORCH_HOME");
    if (!torchHome.isEmpty())
        return QDir(torchHome).filePath(QStringLiteral("hub/checkpoints"));
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty())
        cache = QDir::home().filePath(QStringLiteral(".cache"));
    return QDir(cache).filePath(QStringLiteral("torch/hub/checkpoints"));
}

HubWeightsFile describeHubWeights(const QString &path)
{
    HubWeightsFile f;
    f.path = path;
    // torchvision names its files <model>-<first 8 hex digits of the SHA-256>.pth.
    const QString model = QFileInfo(path).fileName().section(QLatin1Char('-'), 0, 0);
    struct Known {
        const char *file;
        const char *arch;
        const char *name;
    };
    static const Known known[] = {
        {"resnet18", "resnet18", "ResNet-18"}, {"resnet34", "resnet34", "ResNet-34"},
        {"resnet50", "resnet50", "ResNet-50"}, {"vgg16_bn", "vgg16", "VGG-16 with batch norm"},
        {"vgg19_bn", "vgg19", "VGG-19 with batch norm"},
    };
    for (const Known &k : known)
        if (model == QLatin1String(k.file)) {
            f.arch = QString::fromLatin1(k.arch);
            f.description = Text::tr("torchvision %1, ImageNet-1k weights (for %2)")
                                .arg(QString::fromLatin1(k.name), f.arch);
            return f;
        }
    if (model == QLatin1String("vgg16") || model == QLatin1String("vgg19"))
        f.description = Text::tr("torchvision %1 without batch norm: does not fit Loupe's %2, which has batch norm "
                                 "(use %2_bn's weights)")
                            .arg(model.toUpper(), model);
    else
        f.description = Text::tr("weights for %1, a model Loupe does not build").arg(model);
    return f;
}

QList<HubWeightsFile> torchHubWeights()
{
    QList<HubWeightsFile> out;
    const QDir dir(torchHubCheckpointDir());
    for (const QFileInfo &fi : dir.entryInfoList({QStringLiteral("*.pth"), QStringLiteral("*.pt")}, QDir::Files, QDir::Name))
        out.append(describeHubWeights(fi.absoluteFilePath()));
    return out;
}

} // namespace loupe
