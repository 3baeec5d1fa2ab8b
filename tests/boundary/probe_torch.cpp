// Must not compile with loupe_widgets' flags: LibTorch's include paths stay inside core.
#include <torch/torch.h>

int boundaryProbe() { return 0; }
