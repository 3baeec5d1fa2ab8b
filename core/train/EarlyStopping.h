#pragma once

#include <limits>

namespace loupe {

/// The early-stopping rule of a run: an epoch is the best when its dev loss beats the best so far
/// by more than `minDelta`; the run stops after `patience` epochs in a row without that (0 = never).
class EarlyStopping
{
public:
    EarlyStopping(int patience, double minDelta);

    /// Where a resumed run left off (from its checkpoint).
    void restore(int bestEpoch, double bestDevLoss, int epochsWithoutImprovement);
    /// Takes one epoch's dev loss; true when it is the new best.
    bool observe(int epoch, double devLoss);
    bool shouldStop() const;

    int bestEpoch() const { return m_bestEpoch; }
    double bestDevLoss() const { return m_bestDevLoss; }
    int epochsWithoutImprovement() const { return m_epochsWithoutImprovement; }

private:
    int m_patience = 0;
    double m_minDelta = 0;
    int m_bestEpoch = 0;
    double m_bestDevLoss = std::numeric_limits<double>::infinity();
    int m_epochsWithoutImprovement = 0;
};

} // namespace loupe
