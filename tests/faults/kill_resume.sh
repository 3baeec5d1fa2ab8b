#!/usr/bin/env bash
# kill -9 at random moments of `loupe-cli train`, then `--resume` to the end: the resume must
# always succeed, every JSON/JSONL file of the run folder must parse and the checkpoints load.
# The delays come from a seed (LOUPE_FAULTS_SEED, default 20261128) and are printed.
# usage: tests/faults/kill_resume.sh [BUILD_DIR] [TRIALS]
set -uo pipefail
[ $# -ge 1 ] && export LOUPE_BUILD_DIR=$1
trials=${2:-10}
source "$(dirname "$0")/lib.sh"
need_tools

seed=${LOUPE_FAULTS_SEED:-20261128}
ds=$work/ds
make_dataset "$ds" || { log "kill_resume: cannot make the dataset"; exit 2; }
args=(--model resnet18 --image-size 32 --batch 16 --epochs 4 --threads 2 --seed 5)
epochs=4

ms() { date +%s%3N; }

# The whole run once, uninterrupted: its length bounds the delays.
log "kill_resume: one uninterrupted run to time it"
t0=$(ms)
"$cli" train "$ds" --out "$work/baseline" "${args[@]}" >"$work/baseline.out" 2>&1
rc=$?
span=$(($(ms) - t0))
check "an uninterrupted run completes (${span} ms)" [ $rc -eq 0 ]
check "the uninterrupted run folder parses and its checkpoints load" quietly "$checker" "$work/baseline"

RANDOM=$seed
printf '  %-5s %-8s %-46s %-7s %-7s %s\n' trial delay_ms "state at the kill" resume check "epochs after resume" | tee "$work/table.txt"
for ((t = 1; t <= trials; t++)); do
  # Uniform over the run, from 200 ms (start-up) to its end: the kill lands in start-up, an
  # epoch, evaluation or a checkpoint write.
  delay=$((200 + (RANDOM * 32768 + RANDOM) % (span > 400 ? span - 200 : 200)))
  run=$work/run$t
  "$cli" train "$ds" --out "$run" "${args[@]}" >"$run.out" 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    lines=0
    [ -f "$run/metrics.jsonl" ] && lines=$(grep -c . "$run/metrics.jsonl")
    tmp=$(find "$run" -name '*.tmp' 2>/dev/null | wc -l)
    # What the kill left must already parse and load, before a resume tidies it.
    kcrc=0
    [ -f "$run/config.json" ] && { "$checker" "$run" >"$run.killcheck" 2>&1 || kcrc=$?; }
    ckpt=$(sed -n 's/^checkpoint last.pt: epoch \([0-9]*\)$/\1/p' "$run.killcheck" 2>/dev/null)
    state="killed: $lines epochs logged, last.pt ${ckpt:-none}"
    [ "$tmp" -gt 0 ] && state="$state, $tmp .tmp"
    [ -f "$run/config.json" ] || state="killed before config.json"
    if [ $kcrc -ne 0 ]; then
      fail "trial $t: the folder the kill left does not check out"
      sed 's/^/    /' "$run.killcheck"
    fi
  else
    wait "$pid" 2>/dev/null
    state="finished before the kill"
  fi
  "$cli" train "$ds" --out "$run" "${args[@]}" --resume >"$run.resume" 2>&1
  rrc=$?
  "$checker" "$run" >"$run.check" 2>&1
  crc=$?
  done_epochs=0
  [ -f "$run/metrics.jsonl" ] && done_epochs=$(grep -c . "$run/metrics.jsonl")
  status=$(grep -o '"status": *"[a-z_]*"' "$run/status.json" 2>/dev/null | sed 's/.*"\([a-z_]*\)"$/\1/')
  printf '  %-5s %-8s %-46s %-7s %-7s %s (%s)\n' "$t" "$delay" "$state" "exit $rrc" \
    "$([ $crc -eq 0 ] && echo ok || echo BAD)" "$done_epochs/$epochs" "${status:-no status}" | tee -a "$work/table.txt"
  if [ $rrc -eq 0 ] && [ $crc -eq 0 ] && [ "$done_epochs" -eq "$epochs" ] && [ "$status" = completed ]; then
    pass "trial $t (kill after $delay ms)"
  else
    fail "trial $t (kill after $delay ms): resume exit $rrc, check exit $crc, $done_epochs epochs, status ${status:-none}"
    sed 's/^/    /' "$run.check"
    tail -3 "$run.resume" | sed 's/^/    /'
  fi
done
log "  seed $seed; runs in $work (LOUPE_FAULTS_KEEP=1 keeps them)"
summary kill_resume
