#!/usr/bin/env bash
# Builds the .deb with cpack, unpacks it into a scratch root and checks what a user gets: the
# Debian runtime packages as Depends, the desktop file, icons, metainfo and man page in place, and
# loupe-cli working from the unpacked tree (--version, make-demo, inspect).
# usage: test_deb.sh CPACK BUILD_DIR VERSION
# Exit 77 (skipped) only when cpack or dpkg-deb are missing.
set -euo pipefail

cpack=$1
build=$2
version=$3

for tool in "$cpack" dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed; cannot build or unpack a .deb"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log"
  echo "FAIL: cpack -G DEB failed"
  exit 1
}
shopt -s nullglob
debs=("$work"/out/loupe_*.deb)
if [ ${#debs[@]} -ne 1 ]; then
  echo "FAIL: expected one loupe_*.deb, found: ${debs[*]:-none}"
  exit 1
fi
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# The control fields: the runtime packages of what the executables link, not the -dev packages.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = loupe ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
for pkg in 'libtorch[0-9.]+' libqt6widgets6 libqt6concurrent6 libqt6core6 'libqcustomplot[0-9.]+-qt6' \
           'libopencv-core[0-9.]+' 'libopencv-imgcodecs[0-9.]+' 'libopencv-imgproc[0-9.]+' 'zlib1g'; do
  grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg"
done
if grep -Eq -- '-dev( |,|$)' <<<"$depends"; then fail "Depends names a -dev package"; fi

root=$work/root
dpkg-deb -x "$deb" "$root"

need() { [ -s "$root/$1" ] || fail "missing /$1"; }
need usr/bin/loupe
need usr/bin/loupe-cli
desktop=usr/share/applications/io.github.loupe.Loupe.desktop
metainfo=usr/share/metainfo/io.github.loupe.Loupe.metainfo.xml
need "$desktop"
need usr/share/icons/hicolor/scalable/apps/loupe.svg
need usr/share/icons/hicolor/256x256/apps/loupe.png
need "$metainfo"
need usr/share/man/man1/loupe-cli.1

if [ -s "$root/$desktop" ]; then
  grep -qx 'Icon=loupe' "$root/$desktop" || fail "the desktop file does not name the icon 'loupe'"
  grep -qE '^Exec=loupe( |$)' "$root/$desktop" || fail "the desktop file does not run loupe"
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/$desktop" || fail "desktop-file-validate rejects the desktop file"
  else
    echo "note: desktop-file-validate not installed; desktop file checked by grep only"
  fi
fi
if [ -s "$root/$metainfo" ]; then
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/$metainfo" || fail "appstreamcli rejects the metainfo"
  elif command -v xmllint >/dev/null; then
    xmllint --noout "$root/$metainfo" || fail "the metainfo is not well-formed XML"
  fi
fi
if command -v file >/dev/null && [ -s "$root/usr/share/icons/hicolor/256x256/apps/loupe.png" ]; then
  file "$root/usr/share/icons/hicolor/256x256/apps/loupe.png" | grep -q '256 x 256' \
    || fail "the 256x256 icon is not 256×256"
fi

cli=$root/usr/bin/loupe-cli
if [ -x "$cli" ]; then
  out=$("$cli" --version) || fail "loupe-cli --version failed"
  [ "$out" = "loupe-cli $version" ] || fail "loupe-cli --version printed '$out'"
  "$root/usr/bin/loupe" --version | grep -q "$version" || fail "loupe --version does not print $version"

  # The man page names every command the binary lists.
  commands=$("$cli" --help | sed -n '/^commands:/,/^Run /p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
  [ -n "$commands" ] || fail "no commands in loupe-cli --help"
  for command in $commands; do
    grep -q "^\.SS ${command//-/\\\\-}\$" "$root/usr/share/man/man1/loupe-cli.1" \
      || fail "the man page has no section for '$command'"
  done

  "$cli" make-demo "$work/demo" --kind defects --per-class 2 >"$work/demo.log" 2>&1 \
    || { cat "$work/demo.log"; fail "loupe-cli make-demo failed"; }
  if "$cli" inspect "$work/demo" --json --threads 1 >"$work/inspect.json" 2>"$work/inspect.log"; then
    grep -q '"name": "scratch"' "$work/inspect.json" || fail "inspect does not report the class 'scratch'"
    grep -q '"name": "spot"' "$work/inspect.json" || fail "inspect does not report the class 'spot'"
  else
    cat "$work/inspect.log"
    fail "loupe-cli inspect failed"
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "PASS: the .deb installs and runs from a scratch root"
