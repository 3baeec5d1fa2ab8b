#!/bin/bash
# Object detection side by side: loupe-cli train --task detect against torchvision's RetinaNet
# (peer_retinanet.py) on the same generated inspection set, tiles, input size, batch, optimizer, learning
# rate and epochs (README.md). Each timed phase holds the build lock and runs under /usr/bin/time -v;
# both tools' test detections are scored by the same scorer (coco_score.py). Prints a table with ratios.
#
#   bench/detect/run.sh
#   env: LOUPE_CLI (default /work/build/app/loupe-cli), DATA (generated there when missing; default
#        /work/bench-data/detect/inspect150), IMAGES (150), SPLIT (train,valid,test: 80,20,50), SEED (13),
#        TILES (2x2), OVERLAP (32), SIZE (256), BATCH (8), LR (0.0003), EPOCHS (2), PRECISION (Loupe's
#        --precision: fp32, the peer's precision), TOOLS ("peer loupe"; "loupe-auto" adds --precision auto; "peer-like", after loupe, is
#        torchvision's parts in the architecture the loupe run recorded),
#        EMPTY_TILES (Loupe's --empty-tiles: all, the peer's every tile every epoch; 1 is Loupe's default),
#        MEMCHECK (1: Loupe at 4x4 tiles of 1600x1200 images, MEM_STEPS steps, MEM_SIZE px input),
#        OUT (runs and logs), PYTHON (/usr/bin/python3),
#        LOCK: held during each timed phase so that no build competes (default /tmp/loupe-build.lock; "" = none)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LOUPE_CLI=${LOUPE_CLI:-/work/build/app/loupe-cli}
DATA=${DATA:-/work/bench-data/detect/inspect150}
IMAGES=${IMAGES:-150}
SPLIT=${SPLIT:-80,20,50}
SEED=${SEED:-13}
TILES=${TILES:-2x2}
OVERLAP=${OVERLAP:-32}
SIZE=${SIZE:-256}
BATCH=${BATCH:-8}
LR=${LR:-0.0003}
EPOCHS=${EPOCHS:-2}
PRECISION=${PRECISION:-fp32}
EMPTY_TILES=${EMPTY_TILES:-all}
TOOLS=${TOOLS:-"peer loupe"}
MEMCHECK=${MEMCHECK:-1}
MEM_STEPS=${MEM_STEPS:-4}
MEM_SIZE=${MEM_SIZE:-512}
LOUPE_IDS=${LOUPE_IDS:-coco}
PYTHON=${PYTHON:-/usr/bin/python3}
LOCK=${LOCK-/tmp/loupe-build.lock}
OUT=${OUT:-/work/bench-data/detect-bench/$(date +%Y%m%d-%H%M%S)}

[ -x /usr/bin/time ] || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }
case "$TOOLS $MEMCHECK" in
*loupe* | *1) [ -x "$LOUPE_CLI" ] || { echo "no loupe-cli at $LOUPE_CLI" >&2; exit 2; } ;;
esac
mkdir -p "$OUT"

if [ ! -f "$DATA/test/_annotations.coco.json" ]; then
    echo "generating $DATA ($IMAGES images, split $SPLIT, seed $SEED)"
    "$PYTHON" "$HERE/make_data.py" "$DATA" --images "$IMAGES" --split "$SPLIT" --seed "$SEED"
fi
TEST_JSON="$DATA/test/_annotations.coco.json"

# timed NAME COMMAND...: runs COMMAND under the lock and /usr/bin/time -v; stdout to NAME.out, stderr
# (and time's report) to NAME.err, time's report also to NAME.time; the load average before the clock
# starts to NAME.load.
timed() {
    local log="$OUT/$1"
    shift
    local lock=()
    [ -n "$LOCK" ] && lock=(flock "$LOCK")
    echo "$(date +%T) $(basename "$log"): $*"
    "${lock[@]}" sh -c 'cut -d" " -f1 /proc/loadavg > "$0.load"; exec /usr/bin/time -v -o "$0.time" "$@"' "$log" "$@" \
        > "$log.out" 2> "$log.err" || { echo "$(basename "$log") failed; see $log.err" >&2; tail -5 "$log.err" >&2; return 1; }
}

for tool in $TOOLS; do
    case $tool in
    peer)
        timed peer "$PYTHON" "$HERE/peer_retinanet.py" "$DATA" --tiles "$TILES" --tile-overlap "$OVERLAP" \
            --image-size "$SIZE" --batch "$BATCH" --lr "$LR" --epochs "$EPOCHS" --threads 2 --workers 2 \
            --precision "$PRECISION" --results "$OUT/peer-results.json"
        "$PYTHON" "$HERE/coco_score.py" "$TEST_JSON" "$OUT/peer-results.json" --json > "$OUT/peer-score.json" ;;
    peer-like)
        # torchvision's parts in the architecture the Loupe run recorded (pyramid width, head depth, levels,
        # anchors): the same network in both tools, so the ratio measures the implementations.
        timed peer-like "$PYTHON" "$HERE/peer_retinanet.py" "$DATA" --tiles "$TILES" --tile-overlap "$OVERLAP" \
            --image-size "$SIZE" --batch "$BATCH" --lr "$LR" --epochs "$EPOCHS" --threads 2 --workers 2 \
            --precision "$PRECISION" --like-loupe "$OUT/loupe.run/config.json" --results "$OUT/peer-like-results.json"
        "$PYTHON" "$HERE/coco_score.py" "$TEST_JSON" "$OUT/peer-like-results.json" --json > "$OUT/peer-like-score.json" ;;
    loupe | loupe-auto)
        precision=$PRECISION
        [ "$tool" = loupe-auto ] && precision=auto
        rm -rf "$OUT/$tool.run"
        timed "$tool-train" "$LOUPE_CLI" train "$DATA" --out "$OUT/$tool.run" --task detect --model resnet18 \
            --tiles "$TILES" --tile-overlap "$OVERLAP" --anchors auto --image-size "$SIZE" --batch "$BATCH" \
            --optimizer adam --lr "$LR" --epochs "$EPOCHS" --precision "$precision" --threads 2 \
            --empty-tiles "$EMPTY_TILES"
        # Whole process: start-up, reading the test split, decoding, tiling, predicting, merging, scoring and
        # writing the results file; nothing subtracted.
        timed "$tool-eval" "$LOUPE_CLI" eval "$OUT/$tool.run" "$DATA/test" --json \
            --predictions "$OUT/$tool-results.json" --threads 2 --precision "$precision"
        # LOUPE_IDS=index: the results file numbers images and classes by Loupe's indexes (mapped back by
        # file name and class name); coco: by the source COCO ids, used as they are.
        ids=()
        [ "$LOUPE_IDS" = index ] && ids=(--run-config "$OUT/$tool.run/config.json")
        "$PYTHON" "$HERE/coco_score.py" "$TEST_JSON" "$OUT/$tool-results.json" --json "${ids[@]}" > "$OUT/$tool-score.json" ;;
    *) echo "unknown tool $tool" >&2; exit 2 ;;
    esac
done

if [ "$MEMCHECK" = 1 ]; then
    MEMDATA=${MEMDATA:-/work/bench-data/detect/inspect1600}
    if [ ! -f "$MEMDATA/test/_annotations.coco.json" ]; then
        "$PYTHON" "$HERE/make_data.py" "$MEMDATA" --images 12 --split 8,2,2 --width 1600 --height 1200 --seed 16
    fi
    rm -rf "$OUT/memcheck.run"
    timed memcheck "$LOUPE_CLI" train "$MEMDATA" --out "$OUT/memcheck.run" --task detect --model resnet18 \
        --tiles 4x4 --tile-overlap "$OVERLAP" --image-size "$MEM_SIZE" --batch "$BATCH" --optimizer adam \
        --lr "$LR" --epochs 1 --max-steps "$MEM_STEPS" --precision "$PRECISION" --threads 2
fi

"$PYTHON" "$HERE/summarize.py" "$OUT" --test-images "$(
    "$PYTHON" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["images"]))' "$TEST_JSON")" | tee "$OUT/summary.txt"
