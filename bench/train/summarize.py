#!/usr/bin/python3
"""Ratios of a bench/train/run.sh results.tsv, round by round and over the medians.

whole = images / wall seconds of the whole process (start-up, data set scan, training, checkpoints,
dev evaluation); epoch = the training throughput each tool reports for its epoch. Every Loupe tool
is compared with the peer at its default (peer: float32) and at its best (peer-best: bfloat16
autocast + channels-last), and with the in-memory ceilings when they ran.
"""

import csv
import sys
from collections import defaultdict


def median(values):
    v = sorted(values)
    return (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
    by_round = defaultdict(dict)
    for r in rows:
        by_round[r["round"]][r["tool"]] = r
    loupes = sorted({r["tool"] for r in rows if r["tool"].startswith("loupe")})
    others = [t for t in ["peer", "peer-best", "memory", "memory-best"] if any(r["tool"] == t for r in rows)]
    print()
    print("round  load1  tool            against       whole ratio  epoch ratio")
    for rnd, tools in sorted(by_round.items(), key=lambda kv: int(kv[0])):
        for name in loupes:
            lp = tools.get(name)
            for other in others:
                o = tools.get(other)
                if not (lp and o):
                    continue
                print(f"{rnd:>5}  {lp['load1']:>5}  {name:<14}  {other:<12}  "
                      f"{float(lp['whole_ips']) / float(o['whole_ips']):11.3f}  "
                      f"{float(lp['epoch_ips']) / float(o['epoch_ips']):11.3f}")
    print()
    print("median over rounds (images/s):")
    medians = {}
    for name in others + loupes:
        whole = [float(r["whole_ips"]) for r in rows if r["tool"] == name]
        epoch = [float(r["epoch_ips"]) for r in rows if r["tool"] == name]
        if whole:
            medians[name] = (median(whole), median(epoch))
            print(f"  {name:<14} whole {medians[name][0]:6.1f}  epoch {medians[name][1]:6.1f}  (runs: {len(whole)})")
    print()
    print("ratios of the medians (whole process, epoch):")
    for name in loupes:
        for other in others:
            if name in medians and other in medians:
                print(f"  {name:<14} / {other:<12} {medians[name][0] / medians[other][0]:6.2f}  "
                      f"{medians[name][1] / medians[other][1]:6.2f}")


if __name__ == "__main__":
    main()
