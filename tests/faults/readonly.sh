#!/usr/bin/env bash
# A read-only dataset folder (a read-only bind mount: chmod does not stop root): inspect and
# eval read it, training into it fails with one clear line, training elsewhere works.
# Needs root. usage: tests/faults/readonly.sh [BUILD_DIR]
set -uo pipefail
[ $# -ge 1 ] && export LOUPE_BUILD_DIR=$1
source "$(dirname "$0")/lib.sh"
need_tools
if ! can_mount; then
  log "readonly: SKIP (needs root and mount)"
  exit 0
fi

src=$work/src
make_dataset "$src" || { log "readonly: cannot make the dataset"; exit 2; }
ro=$work/ro
mount_readonly "$src" "$ro"
check "the bind mount refuses root's writes" bash -c "! touch '$ro/probe' 2>/dev/null"

"$cli" inspect "$ro" --json >"$work/inspect.json" 2>"$work/inspect.err"
check "inspect reads the read-only dataset" [ $? -eq 0 ]
check "inspect finds its 400 images (20 a class, train and test)" grep -q '"images": *400' "$work/inspect.json"

args=(--model resnet18 --image-size 32 --batch 32 --epochs 1 --max-steps 2 --threads 2)
"$cli" train "$ro" --out "$ro/loupe-runs/run1" "${args[@]}" >"$work/train-ro.out" 2>"$work/train-ro.err"
rc=$?
check "training into the read-only folder fails (exit $rc)" [ $rc -ne 0 ]
check "with exactly one error line" [ "$(grep -c '^loupe-cli:' "$work/train-ro.err")" -eq 1 ]
if grep '^loupe-cli:' "$work/train-ro.err" | grep -qi 'read-only'; then
  pass "the line says the file system is read-only"
else
  fail "the line says the file system is read-only: $(grep '^loupe-cli:' "$work/train-ro.err")"
fi

"$cli" train "$ro" --out "$work/runs/run1" "${args[@]}" >"$work/train.out" 2>"$work/train.err"
check "training a read-only dataset into a writable folder works" [ $? -eq 0 ]
check "that run folder parses and its checkpoints load" quietly "$checker" "$work/runs/run1"
"$cli" eval "$work/runs/run1" "$ro" --json >"$work/eval.json" 2>"$work/eval.err"
check "eval on the read-only dataset works" [ $? -eq 0 ]
"$cli" eval "$work/runs/run1" "$ro" --predictions "$ro/predictions.csv" >/dev/null 2>"$work/eval-ro.err"
rc=$?
check "eval --predictions into the read-only folder fails (exit $rc)" [ $rc -ne 0 ]
check "with exactly one error line" [ "$(grep -c '^loupe-cli:' "$work/eval-ro.err")" -eq 1 ]
log "  ($(grep '^loupe-cli:' "$work/train-ro.err"))"
log "  ($(grep '^loupe-cli:' "$work/eval-ro.err"))"
summary readonly
