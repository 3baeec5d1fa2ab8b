#!/usr/bin/env bash
# scripts/install-deps.sh on a fresh machine, with stub apt-get, dpkg-query, id and sudo on PATH:
# as root apt-get runs directly; as a user it runs through sudo -E; a user without sudo gets a clear
# message and exit 2; with every package present nothing is installed.
set -euo pipefail
script="$(cd "$(dirname "$0")/../.." && pwd)/scripts/install-deps.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

stubs() { # $1: uid, $2: "sudo" to provide sudo, $3: "missing" or "present"
  rm -rf "$work/bin" "$work/calls"; mkdir -p "$work/bin"
  cat > "$work/bin/id" <<STUB
#!/bin/bash
echo $1
STUB
  cat > "$work/bin/dpkg-query" <<STUB
#!/bin/bash
# every package installed but cmake, when asked to pretend one is missing
for a in "\$@"; do last=\$a; done
if [ "$3" = missing ] && [ "\$last" = cmake ]; then echo not-installed; else echo installed; fi
STUB
  cat > "$work/bin/apt-get" <<STUB
#!/bin/bash
echo "apt-get \$* (DEBIAN_FRONTEND=\$DEBIAN_FRONTEND)" >> "$work/calls"
STUB
  if [ "$2" = sudo ]; then
    cat > "$work/bin/sudo" <<STUB
#!/bin/bash
echo "sudo \$*" >> "$work/calls"
[ "\$1" = -E ] && shift
exec "\$@"
STUB
  fi
  chmod +x "$work/bin/"*
}

# Root, as in a container or CI: apt-get directly (an empty sudo once ran a command named -E).
stubs 0 none missing
PATH="$work/bin" /bin/bash "$script" > "$work/out" 2>&1 || fail "as root: exit $? $(cat "$work/out")"
grep -q "^apt-get update" "$work/calls" || fail "as root: no apt-get update: $(cat "$work/calls")"
grep -q "^apt-get install -y -q --no-install-recommends cmake (DEBIAN_FRONTEND=noninteractive)$" "$work/calls" \
  || fail "as root: install line: $(cat "$work/calls")"
grep -q "^sudo" "$work/calls" && fail "as root: sudo was used"

# A user with sudo: through sudo -E, keeping the non-interactive frontend.
stubs 1000 sudo missing
PATH="$work/bin" /bin/bash "$script" > "$work/out" 2>&1 || fail "with sudo: exit $? $(cat "$work/out")"
grep -q "^sudo -E apt-get install -y -q --no-install-recommends cmake$" "$work/calls" \
  || fail "with sudo: $(cat "$work/calls")"
grep -q "(DEBIAN_FRONTEND=noninteractive)" "$work/calls" || fail "with sudo: frontend not kept"

# A user without sudo: one clear line, exit 2, nothing run.
stubs 1000 none missing
set +e
PATH="$work/bin" /bin/bash "$script" > "$work/out" 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "without sudo: exit $rc, expected 2"
grep -q "run this script as root or install sudo" "$work/out" || fail "without sudo: $(cat "$work/out")"
[ -e "$work/calls" ] && fail "without sudo: something ran: $(cat "$work/calls")"

# Everything present: nothing installed, says so.
stubs 0 none present
PATH="$work/bin" /bin/bash "$script" > "$work/out" 2>&1 || fail "all present: exit $?"
grep -q "all .* packages present" "$work/out" || fail "all present: $(cat "$work/out")"
[ -e "$work/calls" ] && fail "all present: apt-get ran"
echo "install-deps: root, sudo, no sudo and nothing-missing paths behave"
