#!/usr/bin/env bash
# A full disk while loupe-cli writes a checkpoint or a run config: the command fails with one
# clear line, the previous files stay byte-identical and loadable, and once space is freed the
# run evaluates and resumes to the end. Needs root (tmpfs mounts).
# usage: tests/faults/diskfull.sh [BUILD_DIR]
set -uo pipefail
[ $# -ge 1 ] && export LOUPE_BUILD_DIR=$1
source "$(dirname "$0")/lib.sh"
need_tools
if ! can_mount; then
  log "diskfull: SKIP (needs root and tmpfs)"
  exit 0
fi

ds=$work/ds
make_dataset "$ds" || { log "diskfull: cannot make the dataset"; exit 2; }
mnt=$work/mnt
# ResNet-18 checkpoints with SGD momentum are ~90 MB; last, best and one temporary fit.
mount_tmpfs "$mnt" 400m
run=$mnt/run
args=(--model resnet18 --image-size 32 --batch 32 --threads 2 --seed 1)
kept=(checkpoints/last.pt checkpoints/best.pt metrics.jsonl dev-history.jsonl)

log "diskfull: first epoch on a roomy disk"
"$cli" train "$ds" --out "$run" "${args[@]}" --epochs 1 >"$work/train1.out" 2>"$work/train1.err"
check "an epoch trains on the tmpfs" [ $? -eq 0 ]

# expect_full NAME FILE_WORD: the last command failed, with one "loupe-cli:" line naming the
# file and the full disk; nothing it could not finish is left behind.
expect_full() {
  local rc=$1 name=$2 word=$3 err=$4
  local lines
  lines=$(grep -c '^loupe-cli:' "$err")
  check "$name: exit status is not 0 (got $rc)" [ "$rc" -ne 0 ]
  check "$name: exactly one error line" [ "$lines" -eq 1 ]
  if grep '^loupe-cli:' "$err" | grep -q "$word" && grep '^loupe-cli:' "$err" | grep -qi 'no space left'; then
    pass "$name: the line names $word and the full disk"
  else
    fail "$name: the line names $word and the full disk: $(grep '^loupe-cli:' "$err")"
  fi
  names "$run" >"$work/names.after"
  check "$name: no file left behind (temporary or half-written)" cmp -s "$work/names.before" "$work/names.after"
}

# The run folder's files, less those a resume may legitimately add or remove on its way to the
# failure: a new TensorBoard file, and status.json (cleared so a failed resume reads "interrupted").
names() {
  (cd "$1" && find . -type f | grep -v -e tfevents -e '^./status.json$' | sort)
}

# 1. No room for a checkpoint: config.json and the event file fit, last.pt/best.pt do not.
hashes "$run" "${kept[@]}" >"$work/before.sha"
names "$run" >"$work/names.before"
fill "$mnt" 8192
log "diskfull: resume with 8 MB free (checkpoint does not fit)"
"$cli" train "$ds" --out "$run" --resume --epochs 2 >"$work/full1.out" 2>"$work/full1.err"
expect_full $? "checkpoint" "\.pt" "$work/full1.err"
hashes "$run" "${kept[@]}" >"$work/after.sha"
check "checkpoint: last.pt, best.pt, metrics.jsonl and dev-history.jsonl byte-identical" cmp -s "$work/before.sha" "$work/after.sha"
check "checkpoint: the run folder parses and its checkpoints load" quietly "$checker" "$run"

# 2. No room at all: config.json cannot be rewritten. (A resume first deletes status.json, which
# would free a page for config.json: delete it before filling.)
rm -f "$mnt/filler" "$mnt/filler.last" "$run/status.json"
hashes "$run" config.json "${kept[@]}" >"$work/before.sha"
names "$run" >"$work/names.before"
fill "$mnt" 0
log "diskfull: resume with the disk full (config.json does not fit)"
"$cli" train "$ds" --out "$run" --resume --epochs 2 >"$work/full2.out" 2>"$work/full2.err"
expect_full $? "config" "config.json" "$work/full2.err"
hashes "$run" config.json "${kept[@]}" >"$work/after.sha"
check "config: config.json and the checkpoints byte-identical" cmp -s "$work/before.sha" "$work/after.sha"
check "config: the run folder parses and its checkpoints load" quietly "$checker" "$run"

# 3. Space freed: the run evaluates, then resumes to the end.
rm -f "$mnt/filler" "$mnt/filler.last"
"$cli" eval "$run" "$ds" --json >"$work/eval.json" 2>"$work/eval.err"
check "after freeing space: eval on the run works" [ $? -eq 0 ]
check "after freeing space: eval prints JSON with an accuracy" grep -q '"accuracy"' "$work/eval.json"
"$cli" train "$ds" --out "$run" --resume --epochs 2 >"$work/resume.out" 2>"$work/resume.err"
check "after freeing space: the run resumes to epoch 2" [ $? -eq 0 ]
check "after freeing space: metrics.jsonl holds epochs 1 and 2" [ "$(grep -c '"epoch"' "$run/metrics.jsonl")" -eq 2 ]
check "after freeing space: the run folder parses and its checkpoints load" quietly "$checker" "$run"

for f in full1.err full2.err; do
  log "  ($f) $(grep '^loupe-cli:' "$work/$f")"
done
summary diskfull
