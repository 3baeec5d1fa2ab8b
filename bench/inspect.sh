#!/usr/bin/env bash
# Benchmarks `loupe-cli inspect`: wall time and peak memory of the header scan and the full check
# over generated datasets, and peak memory across image sizes. Builds nothing; see bench/README.md.
#
# usage: bench/inspect.sh [BUILD_DIR]
#   BUILD_DIR             a configured and built tree (default $LOUPE_BUILD_DIR, else /work/main/build)
#                         holding app/loupe-cli and bench/loupe-bench-make-images
# environment:
#   LOUPE_BENCH_DATA      scratch folder for the generated datasets (default /work/bench-data);
#                         datasets are made once and reused by later runs
#   LOUPE_BENCH_THREADS   --threads passed to loupe-cli (default 0 = every core)
#   LOUPE_BENCH_100K      1 (default) adds the 100,000-PNG header scan; 0 skips it
#   LOUPE_BENCH_SIZES     1 (default) runs the memory-across-image-sizes part; 0 skips it
#   LOUPE_BENCH_COLD      1 adds header scans after evicting the dataset's own files from the page
#                         cache (posix_fadvise DONTNEED per file; no system-wide drop); default 0
#   LOUPE_BENCH_LOCK      lock file held during each measured run so that no build (which takes the
#                         same lock) competes for the cores (default /tmp/loupe-build.lock; "" = none)
set -euo pipefail

BUILD=${1:-${LOUPE_BUILD_DIR:-/work/main/build}}
CLI=$BUILD/app/loupe-cli
MAKE=$BUILD/bench/loupe-bench-make-images
DATA=${LOUPE_BENCH_DATA:-/work/bench-data}
THREADS=${LOUPE_BENCH_THREADS:-0}
RUN_100K=${LOUPE_BENCH_100K:-1}
RUN_SIZES=${LOUPE_BENCH_SIZES:-1}
RUN_COLD=${LOUPE_BENCH_COLD:-0}
LOCK=${LOUPE_BENCH_LOCK-/tmp/loupe-build.lock}
TIME=/usr/bin/time

die() { echo "inspect.sh: $*" >&2; exit 2; }
log() { echo "-- $*" >&2; }

[[ -x $CLI ]] || die "no loupe-cli at $CLI; build it first (target loupe-cli) or pass the build dir"
[[ -x $MAKE ]] || die "no loupe-bench-make-images at $MAKE; build target loupe-bench-make-images"
[[ -x $TIME ]] || die "GNU time is missing: apt-get install -y time"
command -v python3 >/dev/null || die "python3 is needed to read loupe-cli's JSON"
mkdir -p "$DATA"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

# dataset FORMAT WIDTH HEIGHT COUNT CLASSES -> prints the folder, making it unless a stamp says it is complete.
dataset() {
    local format=$1 width=$2 height=$3 count=$4 classes=$5
    local dir=$DATA/$format-${width}x$height-$count
    local stamp="$format $width $height $count $classes"
    if [[ ! -f $dir/.complete || $(cat "$dir/.complete") != "$stamp" ]]; then
        log "making $count $format images of ${width}×$height in $dir (once; reused later)"
        local start=$SECONDS
        "$MAKE" "$dir" --count "$count" --width "$width" --height "$height" --format "$format" \
            --classes "$classes" >&2
        echo "$stamp" > "$dir/.complete"
        log "made in $((SECONDS - start)) s, $(du -sh "$dir" | cut -f1) on disk"
    fi
    echo "$dir"
}

# measure DIR EXPECTED_IMAGES [extra inspect args] -> one line "wall_s rss_kb headers_s verify_s load".
# load = the 1-minute load average just before the run, to show how busy the shared machine was.
# Fails when loupe-cli does not report every image readable: a timing over broken input is worthless.
measure() {
    local dir=$1 expected=$2
    shift 2
    local lock=()
    [[ -n $LOCK ]] && lock=(flock "$LOCK")
    if ! "${lock[@]}" bash -c 'cut -d" " -f1 /proc/loadavg > "$1"; shift; exec "$@"' _ "$SCRATCH/load" \
        "$TIME" -f '%e %M' -o "$SCRATCH/time" "$CLI" inspect "$dir" --json --threads "$THREADS" "$@" \
        > "$SCRATCH/out.json" 2> "$SCRATCH/err"; then
        cat "$SCRATCH/err" >&2
        die "loupe-cli inspect $dir $* failed"
    fi
    python3 - "$SCRATCH/out.json" "$SCRATCH/time" "$expected" "$(cat "$SCRATCH/load")" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
wall, rss = open(sys.argv[2]).read().split()[-2:]
expected = int(sys.argv[3])
if report["images"] != expected or report["bad_files"] or not report["complete"]:
    sys.exit(f"inspect.sh: expected {expected} readable images, report says {report['images']} "
             f"with {len(report['bad_files'])} bad files")
print(wall, rss, report["seconds"]["headers"], report["seconds"]["verify"], sys.argv[4])
EOF
}

# evict DIR: drops DIR's files (only those) from the page cache, so that the next run reads the disk.
evict() {
    python3 - "$1" <<'EOF'
import os, sys
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        fd = os.open(os.path.join(root, f), os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
EOF
}

ROWS=()
# bench LABEL DIR EXPECTED RUNS WARMUP [extra inspect args]: median of RUNS measured runs.
# WARMUP: 1 = one unmeasured run first, 0 = none, evict = evict DIR from the cache before every run.
bench() {
    local label=$1 dir=$2 expected=$3 runs=$4 warmup=$5
    shift 5
    if [[ $warmup == 1 ]]; then
        log "$label: warm-up run"
        measure "$dir" "$expected" "$@" > /dev/null
    fi
    local results=()
    for ((r = 1; r <= runs; ++r)); do
        log "$label: run $r/$runs"
        [[ $warmup == evict ]] && evict "$dir"
        results+=("$(measure "$dir" "$expected" "$@")")
    done
    ROWS+=("$(printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
label, files, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
col = lambda i: [r[i] for r in rows]
wall = statistics.median(col(0))
spread = f"{min(col(0)):.2f}–{max(col(0)):.2f}" if runs > 1 else "-"
print(f"{label:<34} {files:>7} {runs:>4} {wall:>8.2f} {spread:>11} {statistics.median(col(2)):>8.2f} "
      f"{statistics.median(col(3)):>8.2f} {max(col(1)) / 1024:>8.0f} {1e6 * wall / files:>8.0f} {max(col(4)):>5.1f}")
' "$label" "$expected" "$runs")")
    echo "${ROWS[-1]}" >&2
}

print_table() {
    printf '%-34s %7s %4s %8s %11s %8s %8s %8s %8s %5s\n' \
        "benchmark" "files" "runs" "wall s" "min–max s" "hdr s" "check s" "peak MB" "µs/file" "load"
    printf '%s\n' "${ROWS[@]}"
}

log "loupe-cli: $CLI; data: $DATA; --threads $THREADS"

jpg10k=$(dataset jpg 1600 1200 10000 10)
png10k=$(dataset png 256 256 10000 10)
[[ $RUN_100K == 1 ]] && png100k=$(dataset png 64 64 100000 100)
if [[ $RUN_SIZES == 1 ]]; then
    small2k=$(dataset jpg 640 480 2000 10)
    mid2k=$(dataset jpg 1600 1200 2000 10)
    large2k=$(dataset jpg 4000 3000 2000 10)
fi

# Header scans: warm-up, then the median of three.
bench "headers 10k JPEG 1600×1200" "$jpg10k" 10000 3 1 --headers-only
bench "headers 10k PNG 256×256" "$png10k" 10000 3 1 --headers-only
[[ $RUN_100K == 1 ]] && bench "headers 100k PNG 64×64" "$png100k" 100000 3 1 --headers-only

if [[ $RUN_COLD == 1 ]]; then
    bench "headers 10k JPEG 1600×1200, cold" "$jpg10k" 10000 3 evict --headers-only
    bench "headers 10k PNG 256×256, cold" "$png10k" 10000 3 evict --headers-only
fi

# Full inspect (header scan + 1/8-scale decode check + content hash).
bench "full 10k JPEG 1600×1200" "$jpg10k" 10000 1 0
bench "full 10k PNG 256×256" "$png10k" 10000 3 1

# Peak memory across image sizes: same count, full inspect, one run each.
if [[ $RUN_SIZES == 1 ]]; then
    bench "full 2k JPEG 640×480" "$small2k" 2000 1 0
    bench "full 2k JPEG 1600×1200" "$mid2k" 2000 1 0
    bench "full 2k JPEG 4000×3000" "$large2k" 2000 1 0
fi

echo
echo "loupe-cli inspect benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo '?') (+ uncommitted changes, if any)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(df -h "$DATA" | awk 'NR==2 {print $1}'); --threads $THREADS"
echo "page cache: WARM. Caches cannot be dropped here; header scans ran once before the three measured runs,"
echo "  except rows marked 'cold', before which the dataset's own files were evicted (posix_fadvise DONTNEED),"
echo "  and the data was written or read shortly before every full run, so disk reads are mostly cache hits."
echo "wall s = /usr/bin/time elapsed (median), whole process incl. folder listing and report;"
echo "hdr s / check s = the header and decode-check phases as loupe-cli reports them; peak MB = max RSS;"
echo "load = highest 1-minute load average seen just before a measured run (the machine is shared)."
if [[ -n $LOCK ]]; then
    echo "Each measured run held $LOCK, so no build taking that lock ran at the same time."
else
    echo "No lock held: builds may have run alongside (see load)."
fi
echo
print_table
