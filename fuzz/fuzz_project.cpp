// The project file loupe.json through projectfile::read, then written back and read again.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "project/Project.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzProject)
{
    const fuzz::Scratch scratch;
    scratch.write(QStringLiteral("loupe-runs/loupe.json"), QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    Project project;
    try {
        project = projectfile::read(scratch.path(QStringLiteral("loupe-runs")));
    } catch (const LabelFileError &) {
        return 0;
    }
    const QString copy = scratch.path(QStringLiteral("copy"));
    const QString error = projectfile::write(copy, project);
    LOUPE_FUZZ_CHECK(error.isEmpty(), "a project that was read cannot be written");
    try {
        const Project again = projectfile::read(copy);
        LOUPE_FUZZ_CHECK(again.toJson() == project.toJson(), "write/read round trip changes the project");
    } catch (const LabelFileError &e) {
        std::fprintf(stderr, "projectfile::write wrote what read refuses: %s\n", e.what());
        LOUPE_FUZZ_FAIL("round trip");
    }
    return 0;
}
