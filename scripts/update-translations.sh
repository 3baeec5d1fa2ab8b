#!/usr/bin/env bash
# Brings translations/*.ts up to date with every tr() in core, widgets and app. lupdate is run on
# the file list alone: given the build's include paths it parses LibTorch's headers and does not
# finish. Then translate the new entries (Qt Linguist, or by hand: type="unfinished") and rebuild.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || true)
[ -n "$lupdate" ] || { echo "update-translations: lupdate not found (package qt6-l10n-tools)" >&2; exit 2; }
list=$(mktemp)
trap 'rm -f "$list"' EXIT
(cd "$root" && find core widgets app -name '*.cpp' -o -name '*.h' | sort) > "$list"
cd "$root"
"$lupdate" -no-obsolete -locations none "@$list" -ts translations/loupe_de.ts
# English is the source language: its file holds only the plural forms of %n texts.
"$lupdate" -no-obsolete -locations none -pluralonly "@$list" -ts translations/loupe_en.ts
