#include "train/EarlyStopping.h"

#include <cmath>

namespace loupe {

EarlyStopping::EarlyStopping(int patience, double minDelta)
    : m_patience(patience)
    , m_minDelta(minDelta)
{
}

void EarlyStopping::restore(int bestEpoch, double bestDevLoss, int epochsWithoutImprovement)
{
    m_bestEpoch = bestEpoch;
    m_bestDevLoss = bestDevLoss;
    m_epochsWithoutImprovement = epochsWithoutImprovement;
}

bool EarlyStopping::observe(int epoch, double devLoss)
{
    if (std::isfinite(devLoss) && devLoss < m_bestDevLoss - m_minDelta) {
        m_bestDevLoss = devLoss;
        m_bestEpoch = epoch;
        m_epochsWithoutImprovement = 0;
        return true;
    }
    ++m_epochsWithoutImprovement;
    return false;
}

bool EarlyStopping::shouldStop() const
{
    return m_patience > 0 && m_epochsWithoutImprovement >= m_patience;
}

} // namespace loupe
