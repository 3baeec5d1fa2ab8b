#include "dataset/ClassificationView.h"

#include <QCoreApplication>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::ClassificationView)
};
} // namespace

bool hasOnlyObjectLabels(const Dataset &dataset)
{
    for (const Sample &s : dataset.samples)
        if (s.classId >= 0)
            return false;
    return dataset.hasObjects();
}

Dataset classificationView(const Dataset &dataset)
{
    if (!hasOnlyObjectLabels(dataset))
        return dataset;
    Dataset out = dataset;
    out.classes.prepend(Text::tr("no object"));
    for (Sample &s : out.samples) {
        int best = -1;
        double bestArea = -1;
        for (const Annotation &a : s.objects) {
            const double area = a.box.width() * a.box.height();
            if (a.classId >= 0 && !a.crowd && area > bestArea) { // a crowd region is not an object
                bestArea = area;
                best = a.classId;
            }
        }
        s.classId = best + 1; // 0 = "no object"
    }
    out.warnings.append(Text::tr("image classes derived from the objects: an image takes the class of its largest "
                                 "object; images without objects are \"%1\"")
                            .arg(out.classes.front()));
    return out;
}

} // namespace loupe
