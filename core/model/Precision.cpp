#include "model/Precision.h"

#include <QCoreApplication>
#include <QFile>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Precision)
};

CpuBf16Support readCpuInfo()
{
    CpuBf16Support support;
    if (qEnvironmentVariableIntValue("LOUPE_NO_BF16") == 1)
        return support;
    // The kernel lists a feature only when it also saves the registers it needs (AMX tiles).
    // /proc files report no size, so QFile::atEnd() is true at once: read until nothing comes.
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return support;
    for (QByteArray line = file.readLine(); !line.isEmpty(); line = file.readLine()) {
        if (!line.startsWith("flags"))
            continue;
        const QList<QByteArray> flags = line.mid(line.indexOf(':') + 1).simplified().split(' ');
        support.avx512Bf16 = flags.contains("avx512_bf16");
        support.amxBf16 = flags.contains("amx_bf16");
        break;
    }
    return support;
}

} // namespace

QString CpuBf16Support::describe() const
{
    if (avx512Bf16 && amxBf16)
        return QStringLiteral("AVX512-BF16 and AMX-BF16");
    if (avx512Bf16)
        return QStringLiteral("AVX512-BF16");
    if (amxBf16)
        return QStringLiteral("AMX-BF16");
    return QStringLiteral("none");
}

CpuBf16Support cpuBf16Support()
{
    static const CpuBf16Support support = readCpuInfo();
    return support;
}

QStringList precisionSettings()
{
    return {QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")};
}

QString PrecisionChoice::name() const
{
    return precision == Precision::BFloat16 ? QStringLiteral("bf16") : QStringLiteral("fp32");
}

QString precisionProblem(const QString &setting)
{
    if (precisionSettings().contains(setting))
        return {};
    return Text::tr("unknown precision \"%1\"; use auto, fp32 or bf16").arg(setting);
}

PrecisionChoice choosePrecision(const QString &setting, const CpuBf16Support &cpu)
{
    PrecisionChoice choice;
    choice.cpu = cpu;
    if (const QString problem = precisionProblem(setting); !problem.isEmpty()) {
        choice.reason = problem;
        return choice;
    }
    choice.setting = setting;
    if (setting == QLatin1String("fp32")) {
        choice.precision = Precision::Float32;
        choice.reason = Text::tr("precision fp32: float32, as asked");
    } else if (setting == QLatin1String("bf16")) {
        choice.precision = Precision::BFloat16;
        choice.reason = cpu.any()
            ? Text::tr("precision bf16: bfloat16 autocast, as asked (CPU: %1)").arg(cpu.describe())
            : Text::tr("precision bf16: bfloat16 autocast, as asked; this CPU has no bfloat16 instructions, so it "
                       "is emulated and slower than float32");
    } else if (cpu.any()) {
        choice.precision = Precision::BFloat16;
        choice.reason = Text::tr("precision auto: bfloat16 autocast, since the CPU has %1").arg(cpu.describe());
    } else {
        choice.precision = Precision::Float32;
        choice.reason = Text::tr("precision auto: float32, since the CPU has no bfloat16 instructions "
                                 "(AVX512-BF16 or AMX-BF16)");
    }
    return choice;
}

} // namespace loupe
