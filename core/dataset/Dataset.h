#pragma once

#include "IdxImages.h"
#include "Sample.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace loupe {

/// A dataset as read from the user's files: images, labels and everything that was wrong with them.
struct Dataset {
    QString format;  ///< folder, csv, coco, voc, yolo, idx, masks or mvtec
    QString root;    ///< the path the user gave
    QString layout;       ///< the layout recognised, in words ("COCO: annotations/ beside image folders"); may be empty
    QString layoutSource; ///< the file or folder the layout was recognised from
    QStringList classes;
    /// Each class's id in the label file (COCO's category ids), in class order; empty when the format
    /// has none. Detection results name images and classes by these ids so COCO tools can score them.
    std::vector<qint64> classSourceIds;
    std::vector<Sample> samples;
    std::vector<BadFile> badFiles; ///< unreadable images and labels that point at missing files
    QStringList warnings;          ///< problems that did not stop the import
    std::shared_ptr<const IdxImages> idx; ///< pixel store of an IDX dataset, null otherwise
    /// A mask layout (PNG mask folders, MVTec AD): every sample's pixels are labelled, by its mask
    /// file, or all background when it has none (MVTec's "good" images).
    bool maskLayout = false;
    MaskCoding maskCoding; ///< how the mask files code classes (mask layouts)

    bool hasObjects() const
    {
        for (const Sample &s : samples)
            for (const Annotation &a : s.objects)
                if (!a.crowd) // COCO's crowd regions are shown, not objects
                    return true;
        return false;
    }

    /// Index of a class name, appending it when new.
    int classIndex(const QString &name)
    {
        int i = int(classes.indexOf(name));
        if (i < 0) {
            classes.append(name);
            i = int(classes.size()) - 1;
        }
        return i;
    }
};

/// The folder a dataset lives in: the folder the user gave, or the folder of the label file or
/// IDX file they gave ("" for an empty root). Loupe's own files (runs, backups) go beside it.
QString datasetFolder(const QString &root);

} // namespace loupe
