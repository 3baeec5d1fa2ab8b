#!/usr/bin/env bash
# Configures and builds Loupe into build/ (or $LOUPE_BUILD_DIR), with ccache when present.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOUPE_BUILD_DIR:-$root/build}
jobs=${LOUPE_JOBS:-$(nproc)}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${LOUPE_BUILD_TYPE:-RelWithDebInfo}
cmake --build "$build" -j"$jobs"
