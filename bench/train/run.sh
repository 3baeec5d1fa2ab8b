#!/bin/bash
# Training throughput of loupe-cli against its PyTorch peer (README.md). Runs the TOOLS
# interleaved, ROUNDS times, each whole process timed with /usr/bin/time; prints every run and the
# ratios.
#
#   bench/train/run.sh [ROUNDS]
#   env: LOUPE_CLI (default /work/build/app/loupe-cli), DATA (train folder),
#        SIZE (input side, 64), BATCH (64), DEV_FRACTION (0.001: one dev image per class of 1,000),
#        TOOLS (default "peer peer-best loupe-fp32 loupe"; also memory, memory-best and
#        loupe-fp32-lt1 / loupe-lt1 for one loader thread):
#          peer         PyTorch at its default: float32, NCHW
#          peer-best    PyTorch at its best here: bfloat16 autocast + channels-last
#          loupe-fp32   loupe-cli train --precision fp32
#          loupe        loupe-cli train (--precision auto: bfloat16 where the CPU has it)
#          memory, memory-best  the peer on tensors already in memory (the ceiling of a model step)
#        OUT (folder for runs and logs), PYTHON (/usr/bin/python3),
#        LOCK: file held during each measured run so that no build (builds take the same lock)
#        competes for the two cores (default /tmp/loupe-build.lock; "" = none)
set -euo pipefail

ROUNDS=${1:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
LOUPE_CLI=${LOUPE_CLI:-/work/build/app/loupe-cli}
DATA=${DATA:-/work/bench-data/fashion/train}
SIZE=${SIZE:-64}
BATCH=${BATCH:-64}
TOOLS=${TOOLS:-"peer peer-best loupe-fp32 loupe"}
PYTHON=${PYTHON:-/usr/bin/python3}
LOCK=${LOCK-/tmp/loupe-build.lock}
OUT=${OUT:-/work/bench-data/train-bench/$(date +%Y%m%d-%H%M%S)}
IMAGES=$(find -L "$DATA" -type f -name '*.png' | wc -l)
# 1000 images per class: 0.001 rounds to one dev image per class (10 in all, 9,990 trained).
# 0 or 0.0001 would round to none, and with no dev images the trainer evaluates on the training
# images after every epoch, which doubles the work.
DEV_FRACTION=${DEV_FRACTION:-0.001}

[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }
[ -x "$LOUPE_CLI" ] || { echo "no loupe-cli at $LOUPE_CLI" >&2; exit 2; }
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
printf 'round\ttool\tload1\twall_s\tuser_s\tsys_s\twhole_ips\tepoch_ips\n' > "$RESULTS"

# record ROUND NAME COMMAND...: times COMMAND, then reads the epoch figure it reported.
record() {
    local round=$1 name=$2 log="$OUT/$1-$2"
    shift 2
    local lock=()
    [ -n "$LOCK" ] && lock=(flock "$LOCK")
    # The load average is read once the lock is held, right before the clock starts.
    "${lock[@]}" sh -c 'cut -d" " -f1 /proc/loadavg > "$0.load"; exec /usr/bin/time -f "%e %U %S" -o "$0.time" "$@"' "$log" "$@" > "$log.out" 2> "$log.err"
    local load
    load=$(cat "$log.load")
    read -r wall user sys < "$log.time"
    local epoch_ips
    case $name in
    loupe*) epoch_ips=$("$PYTHON" -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["images_per_s"])' "$OUT/$round-$name.run/metrics.jsonl") ;;
    *) epoch_ips=$("$PYTHON" -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])["train_images_per_s"])' "$log.out") ;;
    esac
    local whole
    whole=$(awk -v n=$IMAGES -v s="$wall" 'BEGIN { printf "%.1f", n / s }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$load" "$wall" "$user" "$sys" "$whole" "$epoch_ips" | tee -a "$RESULTS"
}

echo "loupe-cli: $LOUPE_CLI; data: $DATA ($IMAGES images); $SIZE px, batch $BATCH; out: $OUT; $(nproc) cores"
printf 'round\ttool\tload1\twall_s\tuser_s\tsys_s\twhole_ips\tepoch_ips\n'
peer=("$PYTHON" "$HERE/peer_train.py" "$DATA" --workers 2 --threads 2 --batch "$BATCH" --lr 0.01 --momentum 0.9
      --epochs 1 --image-size "$SIZE")
best=(--precision bf16 --channels-last)
for round in $(seq 1 "$ROUNDS"); do
    for tool in $TOOLS; do
        case $tool in
        peer) record "$round" peer "${peer[@]}" --mode folder ;;
        peer-best) record "$round" peer-best "${peer[@]}" --mode folder "${best[@]}" ;;
        memory) record "$round" memory "${peer[@]}" --mode memory ;;
        memory-best) record "$round" memory-best "${peer[@]}" --mode memory "${best[@]}" ;;
        loupe*)
            precision=auto lt=2
            case $tool in *fp32*) precision=fp32 ;; esac
            case $tool in *-lt1) lt=1 ;; esac
            rm -rf "$OUT/$round-$tool.run"
            record "$round" "$tool" "$LOUPE_CLI" train "$DATA" --out "$OUT/$round-$tool.run" \
                --model resnet18 --image-size "$SIZE" --channels 3 --batch "$BATCH" --lr 0.01 --momentum 0.9 \
                --epochs 1 --threads 2 --loader-threads "$lt" --dev-fraction "$DEV_FRACTION" --precision "$precision" ;;
        *) echo "unknown tool $tool" >&2; exit 2 ;;
        esac
    done
done

"$PYTHON" "$HERE/summarize.py" "$RESULTS"
