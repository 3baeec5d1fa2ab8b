#!/bin/bash
# Builds the fuzz harnesses and runs each for SECONDS (default 600), at most JOBS at once (default 2),
# under nice. Writes logs, crash artifacts and a summary (execs, exec/s, final cov/ft, corpus size).
#
#   fuzz/run.sh [SECONDS] [HARNESS...]        e.g. fuzz/run.sh 60 fuzz_csv fuzz_coco
#
# Environment: BUILD_DIR (default /work/build-fuzz), OUT_DIR (default $BUILD_DIR/fuzz-out),
# JOBS (2), NO_BUILD=1 (skip the build), LOUPE_BUILD_LOCK (a flock file that serialises builds on a shared machine; optional),
# FUZZ_ARGS (extra libFuzzer flags). Corpora grow in $OUT_DIR/corpus/<harness> across runs.
set -u
seconds=${1:-600}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=${BUILD_DIR:-/work/build-fuzz}
out=${OUT_DIR:-$build/fuzz-out}
jobs=${JOBS:-2}
lock=${LOUPE_BUILD_LOCK:-/tmp/loupe-build.lock}

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLOUPE_FUZZ=ON -DBUILD_TESTING=OFF -DLOUPE_BUILD_BENCH=OFF || exit 1
fi
if [ -n "${NO_BUILD:-}" ]; then
    : # harnesses already built (waiting for a busy build lock would eat fuzzing time)
elif [ -e "$lock" ]; then
    flock "$lock" cmake --build "$build" --target fuzz -j2 || exit 1
else
    cmake --build "$build" --target fuzz -j2 || exit 1
fi

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
    for f in "$build"/fuzz/fuzz_*; do
        [ -x "$f" ] && harnesses+=("$(basename "$f")")
    done
fi

mkdir -p "$out/logs" "$out/artifacts" "$out/corpus" "$out/tmp"
"$here/make_corpus.sh" "$out/corpus" >/dev/null

dict_for() {
    case "$1" in
    fuzz_csv) echo "$here/dict/csv.dict" ;;
    fuzz_voc) echo "$here/dict/xml.dict" ;;
    fuzz_yolo) echo "$here/dict/yolo.dict" ;;
    fuzz_image) echo "$here/dict/image.dict" ;;
    fuzz_predictions) echo "$here/dict/predictions.dict" ;;
    fuzz_coco | fuzz_pipeline | fuzz_trainconfig | fuzz_project) echo "$here/dict/json.dict" ;;
    esac
}

run_one() {
    local h=$1
    local dict
    dict=$(dict_for "$h")
    mkdir -p "$out/corpus/$h" "$out/artifacts/$h"
    # Each harness writes its scratch files under its own folder, removed afterwards.
    local tmp="$out/tmp/$h"
    if [ -d /dev/shm ]; then tmp=$(mktemp -d "/dev/shm/loupe-fuzz-$h.XXXXXX"); fi
    local start end
    start=$(date +%s)
    LOUPE_FUZZ_TMP=$tmp ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1 \
        nice -n 19 "$build/fuzz/$h" "$out/corpus/$h" ${dict:+-dict=$dict} \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$h/" ${FUZZ_ARGS:-} \
        >"$out/logs/$h.log" 2>&1
    local rc=$?
    end=$(date +%s)
    rm -rf "$tmp"
    echo "$h $rc $((end - start))" >"$out/logs/$h.rc"
}

pids=()
for h in "${harnesses[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 2; done
    echo "$(date -u +%H:%M:%S) start $h"
    run_one "$h" &
done
wait

summary="$out/summary.txt"
{
    printf '%-18s %6s %4s %12s %8s %7s %7s %7s %s\n' harness seconds rc execs exec/s cov ft corpus artifacts
    for h in "${harnesses[@]}"; do
        log="$out/logs/$h.log"
        read -r _ rc secs <"$out/logs/$h.rc"
        execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}')
        rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}')
        last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
        cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
        ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
        corpus=$(ls "$out/corpus/$h" | wc -l)
        artifacts=$(ls "$out/artifacts/$h" | wc -l)
        printf '%-18s %6s %4s %12s %8s %7s %7s %7s %s\n' "$h" "$secs" "$rc" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$artifacts"
    done
} | tee "$summary"
echo "summary: $summary"
