#pragma once

#include "Command.h"

#include <memory>

namespace loupe::cli {

// One file each (InspectCommand.cpp, ...); cli_main.cpp's table names them.
std::unique_ptr<Command> makeInspectCommand();
std::unique_ptr<Command> makeMakeDemoCommand();
std::unique_ptr<Command> makeTrainCommand();
std::unique_ptr<Command> makeEvalCommand();
std::unique_ptr<Command> makeOverfitCheckCommand();
std::unique_ptr<Command> makeReportCommand();
std::unique_ptr<Command> makeExportCommand();

} // namespace loupe::cli
