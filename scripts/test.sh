#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install, build, run every test (offscreen).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOUPE_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j"${LOUPE_JOBS:-$(nproc)}"
