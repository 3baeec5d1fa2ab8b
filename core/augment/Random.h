#pragma once

// The augmentation pipeline's random numbers: splitmix64 on a plain uint64 state. Only integer
// arithmetic and exact IEEE operations, never std::*_distribution (whose output differs between
// standard libraries), so a seed gives the same numbers on every platform and compiler.

#include <cstdint>

namespace loupe {

/// A view on a uint64 generator state (Transform::apply's `rngState`); every draw advances it.
class Random
{
public:
    explicit Random(std::uint64_t &state)
        : m_state(state)
    {
    }

    /// The next 64 random bits (splitmix64, Steele, Lea and Flood 2014).
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1): the top 53 bits scaled by 2^-53, exact.
    double uniform01() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

    /// Uniform in [a, b) (a when a == b).
    double uniform(double a, double b)
    {
        const double u = uniform01();
        return a + (b - a) * u;
    }

    /// Uniform whole number in [lo, hi], both included. Multiply-shift without rejection: the
    /// bias is below 2^-32 for any range the pipeline uses.
    int uniformInt(int lo, int hi)
    {
        if (hi <= lo)
            return lo;
        const std::uint64_t span = std::uint64_t(std::int64_t(hi) - std::int64_t(lo) + 1);
        const std::uint64_t r = next() >> 32;
        return int(std::int64_t(lo) + std::int64_t((r * span) >> 32));
    }

    /// True with probability p: 0 never, 1 always.
    bool chance(double p) { return uniform01() < p; }

    /// Approximately normal: the sum of twelve 16-bit uniforms (Irwin–Hall), which has variance
    /// 1 and is computed in integers, so it is bit-identical everywhere (Box–Muller would depend
    /// on each libm's log and cos). Tails stop at ±6 sd, which augmentation never needs.
    double normal(double mean, double sd)
    {
        std::uint64_t sum = 0;
        for (int i = 0; i < 3; ++i) {
            const std::uint64_t r = next();
            sum += (r & 0xFFFF) + ((r >> 16) & 0xFFFF) + ((r >> 32) & 0xFFFF) + (r >> 48);
        }
        // Each 16-bit value v stands for (v + 0.5) / 65536; twelve of them sum to (sum + 6) / 65536.
        const double z = (double(sum) + 6.0) * (1.0 / 65536.0) - 6.0;
        return mean + sd * z;
    }

    /// The state a pipeline step starts from: one stream per (seed, step index), so switching a
    /// step off or changing its probability leaves what every other step draws unchanged.
    static std::uint64_t stepState(std::uint64_t seed, int stepIndex)
    {
        std::uint64_t s = seed ^ (0xD1B54A32D192ED03ull * std::uint64_t(stepIndex + 1));
        return Random(s).next();
    }

private:
    std::uint64_t &m_state;
};

} // namespace loupe
