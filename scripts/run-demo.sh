#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install, build, make the demo dataset, open Loupe on it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOUPE_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
demo="$build/demo-defects"
if [ ! -f "$demo/annotations.json" ]; then
  "$build/app/loupe-cli" make-demo "$demo" --kind defects
fi
exec "$build/app/loupe" "$demo" "$@"
