#include "augment/Advisor.h"

#include "Translations.h"

#include "augment/AdvisorSaturation.h"
#include "augment/AdvisorTrace.h"
#include "augment/Transforms.h"

#include <QCoreApplication>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Advisor)
};

using namespace transforms;
using namespace advisor;

QString stepName(const Pipeline &p, int index)
{
    return QStringLiteral("%1 (steps[%2])").arg(p.steps()[std::size_t(index)]->type()).arg(index);
}

QString fmt(double v, int decimals = 1)
{
    return localeNumber(v, 'f', decimals);
}

/// Samples ordered by a score (lower first), without repeats.
std::vector<int> orderedSamples(std::vector<std::pair<double, int>> scored)
{
    std::sort(scored.begin(), scored.end());
    std::vector<int> out;
    std::set<int> seen;
    for (const auto &[score, sample] : scored)
        if (seen.insert(sample).second)
            out.push_back(sample);
    return out;
}


} // namespace

QString warningTitle(AugmentWarningKind kind)
{
    switch (kind) {
    case AugmentWarningKind::TinyObjects: return Text::tr("Objects too small");
    case AugmentWarningKind::TilesOrRegion:
        return QCoreApplication::translate("loupe::Advisor", "Tiles or a region of interest needed");
    case AugmentWarningKind::Saturation: return Text::tr("Saturated pixels");
    case AugmentWarningKind::RotatedWide: return Text::tr("Wide images turned over");
    case AugmentWarningKind::BlurErases: return Text::tr("Blur erases small objects");
    case AugmentWarningKind::CropCutsObjects: return Text::tr("Objects cut out");
    }
    return {};
}

std::vector<AugmentWarning> advise(const Pipeline &pipeline, const Dataset &dataset, const DatasetStats &stats,
                                   const AdvisorOptions &options)
{
    (void)stats; // sizes come per object from the samples; stats stay in the signature for the UI's figures
    std::vector<AugmentWarning> out;
    const auto &steps = pipeline.steps();
    const int nSteps = int(steps.size());
    auto active = [&](int i) {
        const Transform *t = steps[std::size_t(i)].get();
        return t && t->enabled && !(t->isRandom() && t->probability <= 0);
    };

    // ---- Geometry, per image ------------------------------------------------------------
    struct PerImage {
        int sample;
        Trace trace;
        std::vector<double> originalSide;
        double aspect;
    };
    std::vector<PerImage> images;
    for (int i = 0; i < int(dataset.samples.size()); ++i) {
        const Sample &s = dataset.samples[std::size_t(i)];
        if (s.width <= 0 || s.height <= 0)
            continue;
        PerImage p;
        p.sample = i;
        p.trace = trace(steps, s.width, s.height, s.objects, options.cutShare);
        for (const Annotation &a : s.objects)
            p.originalSide.push_back(std::min(a.box.width(), a.box.height()));
        p.aspect = double(std::max(s.width, s.height)) / std::min(s.width, s.height);
        images.push_back(std::move(p));
    }
    int totalObjects = 0;
    for (const PerImage &p : images)
        totalObjects += int(p.originalSide.size());

    // Objects that end below the visible size.
    {
        int tiny = 0, alreadyTiny = 0;
        double smallest = 1e300, needFactor = 1.0;
        std::vector<std::pair<double, int>> scored;
        for (const PerImage &p : images)
            for (std::size_t k = 0; k < p.originalSide.size(); ++k) {
                const double side = p.trace.finalSide[k];
                if (side < 0 || side >= options.minObjectPx)
                    continue;
                ++tiny;
                smallest = std::min(smallest, side);
                scored.emplace_back(side, p.sample);
                if (p.originalSide[k] < options.minObjectPx)
                    ++alreadyTiny;
                else
                    needFactor = std::max(needFactor, options.minObjectPx / std::max(side, 1e-6));
            }
        if (tiny > alreadyTiny) {
            AugmentWarning w;
            w.kind = AugmentWarningKind::TinyObjects;
            w.count = tiny;
            w.samples = orderedSamples(scored);
            w.message = Text::tr("%1 of %2 objects in %3 images end smaller than %4×%4 px after the pipeline's "
                                 "resizing, cropping and scaling (smallest side %5 px)")
                            .arg(tiny)
                            .arg(totalObjects)
                            .arg(w.samples.size())
                            .arg(options.minObjectPx)
                            .arg(fmt(smallest, 2));
            if (alreadyTiny > 0)
                w.message += Text::tr("; %1 of them are already smaller in the original images").arg(alreadyTiny);
            int lastResize = -1;
            for (int i = 0; i < nSteps; ++i)
                if (active(i) && steps[std::size_t(i)]->type() == QLatin1String("resize"))
                    lastResize = i;
            w.step = lastResize;
            if (lastResize >= 0) {
                const auto *r = static_cast<const Resize *>(steps[std::size_t(lastResize)].get());
                const int current = std::max(r->width, r->height);
                // Rounded up to a multiple of 32, the stride most backbones want.
                const int needed = int(std::ceil(current * needFactor / 32.0)) * 32;
                int fullSide = 0;
                for (const PerImage &p : images)
                    if (std::find(w.samples.begin(), w.samples.end(), p.sample) != w.samples.end())
                        fullSide = std::max(fullSide, std::max(dataset.samples[std::size_t(p.sample)].width,
                                                               dataset.samples[std::size_t(p.sample)].height));
                if (fullSide > 0 && needed >= fullSide)
                    w.suggestion = Text::tr("Resizing cannot keep objects this small: they need the images' full "
                                            "resolution (%1 px). Crop the images to the region of interest, or tile "
                                            "them (e.g. 4×4 patches) instead of resizing.")
                                       .arg(fullSide);
                else
                    w.suggestion = Text::tr("Use a larger input (at least %1 px instead of %2), crop the images to the "
                                        "region of interest, or tile them (e.g. 4×4 patches) so the defects keep "
                                        "their pixels.")
                                   .arg(needed)
                                   .arg(current);
            } else {
                w.suggestion = Text::tr("Zoom out less, crop the images to the region of interest, or tile them "
                                        "(e.g. 4×4 patches).");
            }
            out.push_back(std::move(w));
        }
    }

    // ---- Boxes under the size at the detector's input: tiles or a region keep them ------------
    if (options.tiling && totalObjects > 0) {
        TileAdviceOptions tiling = *options.tiling;
        tiling.minObjectPx = options.minObjectPx;
        const TileAdvice advice = adviseTiles(dataset, tiling);
        if (advice.needed()) {
            AugmentWarning w;
            w.kind = AugmentWarningKind::TilesOrRegion;
            w.count = advice.current.under;
            w.samples = advice.samples;
            w.message = advice.message();
            w.suggestion = advice.suggestion();
            out.push_back(std::move(w));
        }
    }

    // ---- Saturation, on real pixels ----------------------------------------------------------
    {
        std::vector<int> photometric;
        for (int i = 0; i < nSteps; ++i)
            if (active(i) && !extremesOf(*steps[std::size_t(i)]).empty())
                photometric.push_back(i);
        const std::vector<Probe> probes =
            photometric.empty() ? std::vector<Probe>{} : probeImages(dataset, options.saturationImages);
        for (int i : photometric) {
            if (probes.empty())
                break;
            const Transform &t = *steps[std::size_t(i)];
            double worst = -1;
            const Extreme *worstExtreme = nullptr;
            std::vector<double> worstEach;
            std::vector<Extreme> extremes = extremesOf(t);
            for (const Extreme &e : extremes) {
                std::vector<double> each;
                const double share = newlyClipped(probes, e, 1.0, &each);
                if (share > worst) {
                    worst = share;
                    worstExtreme = &e;
                    worstEach = each;
                }
            }
            if (!worstExtreme || worst <= options.saturationShare)
                continue;
            // The strongest setting that stays under the limit, by bisection on the strength.
            double lo = 0, hi = 1;
            for (int it = 0; it < 12; ++it) {
                const double mid = (lo + hi) / 2;
                bool ok = true;
                for (const Extreme &e : extremes)
                    ok = ok && newlyClipped(probes, e, mid) <= options.saturationShare;
                (ok ? lo : hi) = mid;
            }
            AugmentWarning w;
            w.kind = AugmentWarningKind::Saturation;
            w.step = i;
            std::vector<std::pair<double, int>> scored;
            double most = 0;
            for (std::size_t k = 0; k < probes.size(); ++k) {
                most = std::max(most, worstEach[k]);
                if (worstEach[k] > options.saturationShare)
                    scored.emplace_back(-worstEach[k], probes[k].sample);
            }
            w.samples = orderedSamples(scored);
            w.count = int(w.samples.size());
            w.message = Text::tr("%1 at %2 turns %3% of the pixels pure black or white on average over %4 sampled "
                                 "images (up to %5% in one); %6 of them lose more than %7%")
                            .arg(stepName(pipeline, i), worstExtreme->label)
                            .arg(fmt(100 * worst, 0))
                            .arg(probes.size())
                            .arg(fmt(100 * most, 0))
                            .arg(w.count)
                            .arg(fmt(100 * options.saturationShare, 0));
            w.suggestion = Text::tr("Narrow the range to %1 or less, which keeps the clipped share under %2%.")
                               .arg(worstExtreme->value(lo), fmt(100 * options.saturationShare, 0));
            out.push_back(std::move(w));
        }
    }

    // ---- 90° turns of wide images -------------------------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i))
            continue;
        const Transform &t = *steps[std::size_t(i)];
        const bool turns = t.type() == QLatin1String("rotate90")
            || (t.type() == QLatin1String("rotate") && static_cast<const Rotate &>(t).maxDegrees >= options.rotateDegrees);
        if (!turns)
            continue;
        std::vector<std::pair<double, int>> scored;
        double widest = 0;
        for (const PerImage &p : images) {
            const double aspect = p.trace.aspectIn[std::size_t(i)];
            if (aspect + 1e-9 >= options.wideAspect) {
                scored.emplace_back(-aspect, p.sample);
                widest = std::max(widest, aspect);
            }
        }
        if (scored.empty())
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::RotatedWide;
        w.step = i;
        w.samples = orderedSamples(scored);
        w.count = int(w.samples.size());
        w.message = Text::tr("%1 turns %2 images with an aspect of %3:1 or more (up to %4:1) on their side, which drops "
                             "much of their detail")
                        .arg(stepName(pipeline, i))
                        .arg(w.count)
                        .arg(fmt(options.wideAspect, 0))
                        .arg(fmt(widest, 1));
        w.suggestion = Text::tr("Use flips instead, rotate by a few degrees at most, or tile the images into square "
                                "patches before turning them.");
        out.push_back(std::move(w));
    }

    // ---- Blur comparable to the smallest objects --------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i) || steps[std::size_t(i)]->type() != QLatin1String("gaussian_blur"))
            continue;
        const double sigma = static_cast<const GaussianBlur &>(*steps[std::size_t(i)]).maxSigma;
        if (sigma <= 0)
            continue;
        // A blur whose 2σ reaches half an object's shorter side smears it into the background.
        const double limit = 4.0 * sigma;
        std::vector<std::pair<double, int>> scored;
        double smallest = 1e300;
        int count = 0;
        for (const PerImage &p : images)
            for (double side : p.trace.sideIn[std::size_t(i)]) {
                if (side < 0 || side > limit)
                    continue;
                ++count;
                smallest = std::min(smallest, side);
                scored.emplace_back(side, p.sample);
            }
        if (count == 0)
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::BlurErases;
        w.step = i;
        w.count = count;
        w.samples = orderedSamples(scored);
        w.message = Text::tr("%1 with σ up to %2 px: %3 of %4 objects in %5 images are at most %6 px across at that "
                             "point (smallest %7 px), and a blur of 2σ ≥ half their size can erase them")
                        .arg(stepName(pipeline, i), fmt(sigma, 2))
                        .arg(count)
                        .arg(totalObjects)
                        .arg(w.samples.size())
                        .arg(fmt(limit, 1), fmt(smallest, 1));
        const double safe = std::floor(smallest / 4.0 * 10.0) / 10.0;
        w.suggestion = safe >= 0.3 ? Text::tr("Lower max_sigma to %1 px or less, or use a larger input.").arg(fmt(safe, 1))
                                   : Text::tr("Leave blur out for objects this small, or use a larger input.");
        out.push_back(std::move(w));
    }

    // ---- Crops and shifts that leave objects out ----------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i))
            continue;
        const Transform &t = *steps[std::size_t(i)];
        const QString type = t.type();
        // Every object leaves most tiles of a random grid; only those a tile edge cuts count.
        const bool randomTile = type == QLatin1String("tile") && t.isRandom();
        int lost = 0, cut = 0;
        std::vector<std::pair<double, int>> scored;
        for (const PerImage &p : images)
            for (int h : p.trace.harm[std::size_t(i)]) {
                const bool isLost = (h & Lost) && !randomTile;
                const bool isCut = (h & Cut) && !isLost;
                if (isLost)
                    ++lost;
                else if (isCut)
                    ++cut;
                else
                    continue;
                scored.emplace_back(isLost ? 0 : 1, p.sample);
            }
        if (lost + cut == 0)
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::CropCutsObjects;
        w.step = i;
        w.count = lost + cut;
        w.samples = orderedSamples(scored);
        w.message = Text::tr("%1 can leave %2 of %3 objects out of the image entirely and cut %4 more by over %5%, "
                             "in %6 images")
                        .arg(stepName(pipeline, i))
                        .arg(lost)
                        .arg(totalObjects)
                        .arg(cut)
                        .arg(fmt(100 * options.cutShare, 0))
                        .arg(w.samples.size());
        if (type == QLatin1String("random_crop"))
            w.suggestion = Text::tr("Crop larger (min_scale closer to 1), or crop to the region of interest first.");
        else if (type == QLatin1String("translate"))
            w.suggestion = Text::tr("Lower max_fraction, or crop to the region of interest with a margin first.");
        else if (type == QLatin1String("scale"))
            w.suggestion = Text::tr("Zoom in less (a lower max), or crop to the region of interest first.");
        else if (type == QLatin1String("tile"))
            w.suggestion = Text::tr("Use a coarser grid, or overlap the tiles by cropping with a margin.");
        else if (type == QLatin1String("rotate"))
            w.suggestion = Text::tr("Rotate by fewer degrees, or leave a margin around the region of interest.");
        else
            w.suggestion = Text::tr("Move or enlarge the crop so that it covers where the objects lie.");
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace loupe
