# Shared by the fault scripts in tests/faults (sourced, not run).
# Needs: LOUPE_BUILD_DIR (or the first argument of the calling script) holding app/loupe-cli and
# tests/faults_check. Mounts need root; every mount made here is undone on exit.

faults_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root_dir=$(cd "$faults_dir/../.." && pwd)
build=${LOUPE_BUILD_DIR:-$root_dir/build}
cli=${LOUPE_CLI:-$build/app/loupe-cli}
checker=${LOUPE_FAULTS_CHECK:-$build/tests/faults_check}
export QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=passive

passed=0
failed=0
mounts=()
work=$(mktemp -d /tmp/loupe-faults.XXXXXX)

cleanup() {
  local m
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    m=${mounts[$i]}
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  [ -n "${LOUPE_FAULTS_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

log() { printf '%s\n' "$*"; }
pass() { passed=$((passed + 1)); log "  PASS $*"; }
fail() { failed=$((failed + 1)); log "  FAIL $*"; }
# check NAME COMMAND...: PASS when the command succeeds.
check() {
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

# quietly COMMAND...: runs it with its output in $work/quiet.log (for check).
quietly() { "$@" >>"$work/quiet.log" 2>&1; }

need_tools() {
  if [ ! -x "$cli" ] || [ ! -x "$checker" ]; then
    log "missing $cli or $checker: build loupe-cli and faults_check first (LOUPE_BUILD_DIR=$build)"
    exit 2
  fi
}

# True when this process may mount (root, and tmpfs works here).
can_mount() {
  [ "$(id -u)" -eq 0 ] || return 1
  local probe="$work/.probe"
  mkdir -p "$probe"
  mount -t tmpfs -o size=1m tmpfs "$probe" 2>/dev/null || return 1
  umount "$probe"
}

# mount_tmpfs DIR SIZE
mount_tmpfs() {
  mkdir -p "$1"
  mount -t tmpfs -o "size=$2" tmpfs "$1"
  mounts+=("$1")
}

# mount_readonly SRC DIR: DIR shows SRC read-only (root is refused writes too).
mount_readonly() {
  mkdir -p "$2"
  mount --bind "$1" "$2"
  mounts+=("$2")
  mount -o remount,bind,ro "$2"
}

# fill DIR KEEP_KB: a filler file takes all but KEEP_KB of DIR's file system.
fill() {
  local avail
  avail=$(df -k --output=avail "$1" | tail -1 | tr -d ' ')
  local size=$((avail - $2))
  if [ "$size" -gt 0 ]; then
    fallocate -l "${size}k" "$1/filler" 2>/dev/null || dd if=/dev/zero of="$1/filler" bs=1k count="$size" status=none 2>/dev/null || true
  fi
  # df rounds: with nothing to keep, write until the file system says it is full.
  if [ "$2" -eq 0 ]; then
    dd if=/dev/zero of="$1/filler.last" bs=4k status=none 2>/dev/null || true
  fi
}

# hashes DIR FILE...: "name sha256" lines of the files that exist.
hashes() {
  local d=$1
  shift
  (cd "$d" && for f in "$@"; do [ -e "$f" ] && sha256sum "$f"; done) 2>/dev/null
}

# The tiny dataset every script trains on: Fashion-MNIST, 20 images a class in train/ and test/.
make_dataset() {
  [ -d "$1" ] && return 0
  "$cli" make-demo "$1" --kind fashion --per-class "${2:-20}" >/dev/null 2>&1
}

summary() {
  log "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
