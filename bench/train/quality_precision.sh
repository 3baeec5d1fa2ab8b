#!/bin/bash
# The 3-epoch recipe in float32 and bfloat16, two seeds; accuracy on the 2,000 test images
# (README.md, "Accuracy in bfloat16"). Writes runs and logs into the current folder.
#   env: CLI (default /work/build/app/loupe-cli), DATA (train folder), TEST (test folder)
set -euo pipefail
CLI=${CLI:-/work/build/app/loupe-cli}
DATA=${DATA:-/work/bench-data/fashion/train}
TEST=${TEST:-/work/bench-data/fashion-test2000}

for seed in 1 2; do for prec in fp32 bf16; do
  run=q-$prec-s$seed
  rm -rf $run
  flock /tmp/loupe-build.lock /usr/bin/time -f "%e s" $CLI train "$DATA" --out $run --model resnet18 --image-size 64 --channels 3 \
    --batch 64 --lr 0.01 --momentum 0.9 --weight-decay 0.0005 --epochs 3 --threads 2 --loader-threads 2 \
    --dev-fraction 0.1 --seed $seed --precision $prec > $run.log 2>&1
  flock /tmp/loupe-build.lock $CLI eval $run "$TEST" --json --precision $prec > $run.eval.json 2> $run.eval.err
  python3 -c "import json,sys; d=json.load(open('$run.eval.json')); print('$run', d['accuracy'], d.get('macro_f1'), d.get('precision'))"
done; done
