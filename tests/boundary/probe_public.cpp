// Compiled with loupe_widgets' flags by tests/boundary/check.cmake: a public core header works.
#include "eval/RunEvaluation.h"
#include "train/Trainer.h"

int boundaryProbe() { return sizeof(loupe::TrainResult) > 0 ? 0 : 1; }
