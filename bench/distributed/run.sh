#!/usr/bin/env bash
# Distributed training on paper: measures ResNet-18's per-step compute in one process and the time
# Loupe's ranks take to average its gradients between 2 local ranks (Gloo over loopback), then
# projects the speed-up for 2, 8 and 32 nodes at 10 and 100 Gbit/s (project.py).
#   bench/distributed/run.sh [BUILD_DIR] [IMAGE_SIZE] [BATCH] [STEPS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
size=${2:-224}
batch=${3:-32}
steps=${4:-6}
cli=$build/app/loupe-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

load=$(cut -d' ' -f1-3 /proc/loadavg)
"$cli" make-demo "$work/data" --kind fashion --per-class 40 >/dev/null
common=("$work/data" --model resnet18 --image-size "$size" --batch "$batch" --epochs 1 --max-steps "$steps"
        --precision fp32 --dev-fraction 0.05)

# One process on one thread, as each of the two local ranks below has: the compute of one step.
# (Two threads on this shared two-core machine were slower than one whenever another job ran.)
"$cli" train "${common[@]}" --out "$work/one" --threads 1 >/dev/null 2>&1
ips=$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['images_per_s'])" "$work/one/metrics.jsonl")

# Two local ranks, one core each; every gradient average preceded by a barrier and timed.
LOUPE_DIST_TIMING=1 "$cli" train "${common[@]}" --out "$work/two" --nproc 2 >"$work/two.out" 2>"$work/two.err" || {
  cat "$work/two.err" >&2; exit 1; }
# Rank 0's line (the launcher shows rank 0's output only).
timing=$(grep -m1 'loupe-dist-timing' "$work/two.err")
ips2=$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['images_per_s'])" "$work/two/metrics.jsonl")
mb=$(sed -E 's/.* of ([0-9.]+) MB.*/\1/' <<<"$timing")
ms=$(sed -E 's/.*MB, ([0-9.]+) ms each.*/\1/' <<<"$timing")

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "resnet18 ${size}px, batch $batch, $steps steps, fp32"
echo "load average before: $load"
echo "one process (1 thread): $ips images/s -> compute per step $(python3 -c "print(round($batch/$ips*1000,1))") ms"
echo "two local ranks (1 thread each): $ips2 images/s in all (timing barriers included)"
echo "$timing"
python3 "$here/project.py" --compute-ms "$(python3 -c "print($batch/$ips*1000)")" --gradient-mb "$mb" --local-ms "$ms"
