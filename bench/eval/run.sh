#!/bin/bash
# Evaluation throughput of `loupe-cli eval RUN DATASET` against its PyTorch peer (issue "Error
# analysis"). Runs peer and Loupe interleaved, ROUNDS times, each whole process timed with
# /usr/bin/time, and prints every run and the ratios.
#
#   bench/eval/run.sh RUN_DIR [ROUNDS]
#   env: LOUPE_CLI (default /work/build/app/loupe-cli), DATA (class folders; default
#        /work/bench-data/fashion/test), OUT (folder for logs), PYTHON (/usr/bin/python3),
#        THREADS (compute threads of both tools, 2),
#        TOOLS (default "peer peer-best loupe-fp32 loupe"): peer = PyTorch in float32, peer-best =
#        bfloat16 autocast + channels-last, loupe-fp32 = --precision fp32, loupe = --precision auto,
#        LOCK: file held during each measured run so
#        that no build (builds take the same lock) competes for the two cores
#        (default /tmp/loupe-build.lock; "" = none)
set -euo pipefail

RUN=${1:?usage: run.sh RUN_DIR [ROUNDS]}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
LOUPE_CLI=${LOUPE_CLI:-/work/build/app/loupe-cli}
DATA=${DATA:-/work/bench-data/fashion/test}
PYTHON=${PYTHON:-/usr/bin/python3}
THREADS=${THREADS:-2}
LOCK=${LOCK-/tmp/loupe-build.lock}
OUT=${OUT:-/work/bench-data/eval-bench/$(date +%Y%m%d-%H%M%S)}

[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }
[ -x "$LOUPE_CLI" ] || { echo "no loupe-cli at $LOUPE_CLI" >&2; exit 2; }
WEIGHTS="$RUN/checkpoints/best.pt"
[ -f "$WEIGHTS" ] || WEIGHTS="$RUN/checkpoints/last.pt"
IMAGES=$(find "$DATA" -type f -name '*.png' | wc -l)
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
printf 'round\ttool\tload1\twall_s\tuser_s\tsys_s\twhole_ips\taccuracy\n' > "$RESULTS"

# record ROUND NAME COMMAND...: times COMMAND and reads the accuracy it printed.
record() {
    local round=$1 name=$2 log="$OUT/$1-$2"
    shift 2
    local lock=()
    [ -n "$LOCK" ] && lock=(flock "$LOCK")
    # The load average is read once the lock is held, right before the clock starts.
    "${lock[@]}" sh -c 'cut -d" " -f1 /proc/loadavg > "$0.load"; exec /usr/bin/time -f "%e %U %S" -o "$0.time" "$@"' "$log" "$@" > "$log.out" 2> "$log.err"
    local load wall user sys accuracy whole
    load=$(cat "$log.load")
    read -r wall user sys < "$log.time"
    accuracy=$("$PYTHON" -c 'import json,sys; print(json.loads(open(sys.argv[1]).read())["accuracy"])' "$log.out")
    whole=$(awk -v n="$IMAGES" -v s="$wall" 'BEGIN { printf "%.1f", n / s }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$load" "$wall" "$user" "$sys" "$whole" "$accuracy" | tee -a "$RESULTS"
}

echo "loupe-cli: $LOUPE_CLI; run: $RUN; data: $DATA ($IMAGES images); out: $OUT; $(nproc) cores"
printf 'round\ttool\tload1\twall_s\tuser_s\tsys_s\twhole_ips\taccuracy\n'
TOOLS=${TOOLS:-"peer peer-best loupe-fp32 loupe"}
peer=("$PYTHON" "$HERE/peer_eval.py" "$DATA" --weights "$WEIGHTS" --workers 2 --threads "$THREADS" --batch 64
      --image-size 64)
for round in $(seq 1 "$ROUNDS"); do
    for tool in $TOOLS; do
        case $tool in
        peer) record "$round" peer "${peer[@]}" ;;
        peer-best) record "$round" peer-best "${peer[@]}" --precision bf16 --channels-last ;;
        loupe-fp32) record "$round" loupe-fp32 "$LOUPE_CLI" eval "$RUN" "$DATA" --json --threads "$THREADS" --precision fp32 ;;
        loupe) record "$round" loupe "$LOUPE_CLI" eval "$RUN" "$DATA" --json --threads "$THREADS" ;;
        *) echo "unknown tool $tool" >&2; exit 2 ;;
        esac
    done
done

"$PYTHON" - "$RESULTS" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by_round = {}
for r in rows:
    by_round.setdefault(r["round"], {})[r["tool"]] = r
ratios = {}
print("\nround\tratio (whole process)")
for k, v in by_round.items():
    for a in ("loupe", "loupe-fp32"):
        for b in ("peer", "peer-best"):
            if a in v and b in v:
                ratio = float(v[a]["whole_ips"]) / float(v[b]["whole_ips"])
                ratios.setdefault(f"{a}/{b}", []).append(ratio)
                print(f"{k}\t{a}/{b}\t{ratio:.3f}")
import statistics
for name, values in ratios.items():
    print(f"median\t{name}\t{statistics.median(values):.3f}")
ips = {}
for r in rows:
    ips.setdefault(r["tool"], []).append(float(r["whole_ips"]))
print("\nmedian images/s (whole process)")
for tool, values in ips.items():
    print(f"{tool}\t{statistics.median(values):.1f}")
PY
