#!/usr/bin/env bash
# Every fault check: a full disk (diskfull.sh), kill -9 and resume (kill_resume.sh), a read-only
# dataset (readonly.sh), and the in-process ones (tst_faults: full disk, read-only mounts, files
# deleted or replaced while browsing and training). Prints a summary; exits 1 when any failed.
# Mounting needs root; without it those parts report SKIP.
# usage: tests/faults/run.sh [BUILD_DIR]     (default: $LOUPE_BUILD_DIR or <repo>/build)
# Needs the targets loupe-cli, faults_check and tst_faults built in BUILD_DIR.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export LOUPE_BUILD_DIR=${1:-${LOUPE_BUILD_DIR:-$(cd "$here/../.." && pwd)/build}}
export QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=passive

results=()
status=0
part() {
  local name=$1
  shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  local rc=$?
  local verdict=passed
  [ $rc -ne 0 ] && verdict="FAILED (exit $rc)" && status=1
  results+=("$(printf '%-12s %-18s %4d s' "$name" "$verdict" $((SECONDS - t0)))")
}

part diskfull "$here/diskfull.sh"
part kill_resume "$here/kill_resume.sh" "$LOUPE_BUILD_DIR" "${LOUPE_FAULTS_TRIALS:-10}"
part readonly "$here/readonly.sh"
if [ -x "$LOUPE_BUILD_DIR/tests/tst_faults" ]; then
  part tst_faults "$LOUPE_BUILD_DIR/tests/tst_faults"
else
  echo "== tst_faults: not built in $LOUPE_BUILD_DIR"
  results+=("$(printf '%-12s %-18s' tst_faults 'FAILED (not built)')")
  status=1
fi

echo "== fault checks"
printf '%s\n' "${results[@]}"
[ $status -eq 0 ] && echo "all fault checks passed" || echo "some fault checks FAILED"
exit $status
