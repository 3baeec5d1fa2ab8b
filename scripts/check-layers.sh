#!/usr/bin/env bash
# Checks core's layering and its LibTorch boundary from the sources alone (no build needed):
#  1. the folders of core/ (and of core/private/, which mirror them) include each other without
#     a circle: every `#include "folder/..."` is an edge, tsort finds any loop;
#  2. only headers under core/private/ include LibTorch (torch/, ATen/, c10/);
#  3. no file of widgets/, app/ or bench/ names a private header.
# Prints core's folders in an order where each uses only those before it. Exit 1 on a violation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/core"
status=0

folder_of() { # core/private/eval/X.cpp and core/eval/X.cpp are both "eval"; top-level files are "core"
  local f=${1#private/}
  if [[ $f == */* ]]; then echo "${f%%/*}"; else echo core; fi
}

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
while IFS= read -r file; do
  from=$(folder_of "$file")
  echo "$from $from" >>"$edges"
  { grep -oE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[A-Za-z]+/[^"]+"' "$file" || true; } |
    sed -E 's/.*"([A-Za-z]+)\/.*/\1/' | sort -u | while IFS= read -r to; do
      if [[ $to != "$from" ]] && [[ -d $to || -d private/$to ]]; then
        echo "$to $from" >>"$edges"
      fi
    done
done < <(find . -name '*.h' -o -name '*.cpp' | sed 's#^\./##' | sort)

if order=$(tsort "$edges" 2>/tmp/check-layers.$$); then
  echo "core layers (each uses only those before it): $(echo $order)"
else
  echo "core's folders include each other in a circle:" >&2
  cat /tmp/check-layers.$$ >&2
  status=1
fi
rm -f /tmp/check-layers.$$

# Which folder includes which, for a reader who wants the picture.
if [[ ${1:-} == --edges ]]; then
  sort -u "$edges" | awk '$1 != $2 { print "  " $2 " -> " $1 }'
fi

leaks=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(torch|ATen|c10)/' --include='*.h' . | grep -v '^\./private/' || true)
if [[ -n $leaks ]]; then
  echo "public headers of core that include LibTorch (move them under core/private/):" >&2
  echo "$leaks" >&2
  status=1
fi

private_headers=$([[ -d private ]] && cd private && find . -name '*.h' | sed 's#^\./##')
for dir in widgets app bench; do
  for h in $private_headers; do
    hits=$(grep -rlF "#include \"$h\"" "$root/$dir" 2>/dev/null || true)
    if [[ -n $hits ]]; then
      echo "$dir/ includes core's private header $h:" >&2
      echo "$hits" >&2
      status=1
    fi
  done
done
outside=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(torch|ATen|c10)/' "$root/widgets" "$root/app" || true)
if [[ -n $outside ]]; then
  echo "widgets/ and app/ must not include LibTorch:" >&2
  echo "$outside" >&2
  status=1
fi
exit $status
