#pragma once

#include <QString>
#include <QStringList>

namespace loupe {

/// The number format the model computes in. Master weights, optimizer state, losses, metrics and
/// checkpoints are float32 either way; bfloat16 is LibTorch's CPU autocast around each forward pass.
enum class Precision { Float32, BFloat16 };

/// What the CPU offers for bfloat16, as the kernel reports it (/proc/cpuinfo flags).
struct CpuBf16Support {
    bool avx512Bf16 = false; ///< AVX512-BF16: bfloat16 dot products
    bool amxBf16 = false;    ///< AMX-BF16: bfloat16 tile matrix multiply
    bool any() const { return avx512Bf16 || amxBf16; }
    /// "AVX512-BF16 and AMX-BF16", "AVX512-BF16", or "none".
    QString describe() const;
};

/// This machine's support, read once per process. LOUPE_NO_BF16=1 in the environment reports none
/// (to try the float32 fallback on a bfloat16 machine).
CpuBf16Support cpuBf16Support();

/// The settings the user may give: "auto", "fp32", "bf16".
QStringList precisionSettings();

/// What a setting comes to on a CPU, and why, for the run's log and config.json.
struct PrecisionChoice {
    QString setting;                    ///< as given: auto|fp32|bf16
    Precision precision = Precision::Float32;
    CpuBf16Support cpu;
    QString reason;                     ///< one sentence for the log
    /// "bf16" or "fp32".
    QString name() const;
};

/// Resolves a setting: auto takes bfloat16 where the CPU has AVX512-BF16 or AMX-BF16 and float32
/// elsewhere; fp32 and bf16 are taken as given (bf16 without CPU support runs, slowly, and says so).
/// An unknown setting gives an empty `setting` and the problem in `reason`.
PrecisionChoice choosePrecision(const QString &setting, const CpuBf16Support &cpu = cpuBf16Support());

/// A reason the setting is not one of precisionSettings(), or an empty string.
QString precisionProblem(const QString &setting);

} // namespace loupe
