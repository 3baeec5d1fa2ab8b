#!/usr/bin/env bash
# Fast ASan + UBSan check for CI: builds only the torch-free part of loupe_core and its parser,
# decoder and augmentation tests (tests/sanitizers/subset) and runs them. Any memory error,
# leak outside tests/sanitizers/lsan.supp or undefined behaviour fails the run.
#   LOUPE_ASAN_SUBSET_DIR  build folder (default build-asan-subset next to build/)
#   LOUPE_JOBS             parallel jobs (default: every core)
#   LOUPE_BUILD_LOCK       a lock file to build under (machines that share their cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOUPE_ASAN_SUBSET_DIR:-$root/build-asan-subset}
jobs=${LOUPE_JOBS:-$(nproc)}
lock=()
[[ -n ${LOUPE_BUILD_LOCK:-} ]] && lock=(flock "$LOUPE_BUILD_LOCK")

cmake -S "$root/tests/sanitizers/subset" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLOUPE_SANITIZE=address,undefined
"${lock[@]}" cmake --build "$build" -j"$jobs"
# The tests carry ASAN/LSAN/UBSAN_OPTIONS and scaled timeouts as CTest properties.
cd "$build"
ctest --output-on-failure -j"$jobs"
