#pragma once

// The advisor's geometry: one image's boxes followed through every geometric step of a pipeline
// at the extremes of the steps' random parameters (used by advise() in Advisor.cpp).

#include "augment/Transforms.h"
#include "dataset/Sample.h"

#include <memory>
#include <vector>

namespace loupe::advisor {

/// What one step did to one object over all variants (bits).
enum Harm { None = 0, Cut = 1, Lost = 2 };

/// Per image and step: how each object fared, and the sizes and aspects entering each step.
struct Trace {
    std::vector<std::vector<int>> harm;        ///< [step][object]
    std::vector<std::vector<double>> sideIn;   ///< [step][object]: smallest shorter side entering the step
    std::vector<double> aspectIn;              ///< [step]: largest content aspect (≥ 1) entering the step
    std::vector<double> finalSide;             ///< [object]: smallest shorter side at the end; <0 if always lost
};

/// Follows one image through every geometric step at the extremes of its random parameters; an
/// object counts as cut when less than cutShare of it is left.
Trace trace(const std::vector<std::shared_ptr<Transform>> &steps, double W, double H,
            const std::vector<Annotation> &objects, double cutShare);

} // namespace loupe::advisor
