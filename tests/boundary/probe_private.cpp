// Must not compile with loupe_widgets' flags: core's LibTorch headers are private to core.
#include "model/Models.h"

int boundaryProbe() { return 0; }
