#!/usr/bin/python3
"""Ratios of a bench/train/run.sh results.tsv, round by round and over the best of each tool.

whole = 10,000 images / wall seconds of the whole process (start-up, data set scan, training,
checkpoints, dev evaluation); epoch = the training throughput each tool reports for its epoch.
The in-memory ceiling is its epoch figure (its whole-process time includes decoding every image
once before training, which is not part of the ceiling).
"""

import csv
import sys
from collections import defaultdict


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
    by_round = defaultdict(dict)
    for r in rows:
        by_round[r["round"]][r["tool"]] = r
    loupes = sorted({r["tool"] for r in rows if r["tool"].startswith("loupe")})
    print()
    print("round  load1  tool        loupe/peer(whole)  loupe/peer(epoch)  loupe(whole)/mem(epoch)  loupe(epoch)/mem(epoch)")
    for rnd, tools in sorted(by_round.items(), key=lambda kv: int(kv[0])):
        peer, mem = tools.get("peer"), tools.get("memory")
        for name in loupes:
            lp = tools.get(name)
            if not (lp and peer and mem):
                continue
            print(f"{rnd:>5}  {lp['load1']:>5}  {name:<10}  "
                  f"{float(lp['whole_ips']) / float(peer['whole_ips']):17.3f}  "
                  f"{float(lp['epoch_ips']) / float(peer['epoch_ips']):17.3f}  "
                  f"{float(lp['whole_ips']) / float(mem['epoch_ips']):23.3f}  "
                  f"{float(lp['epoch_ips']) / float(mem['epoch_ips']):23.3f}")
    print()
    print("median over rounds (images/s):")
    for name in ["peer", "memory"] + loupes:
        whole = sorted(float(r["whole_ips"]) for r in rows if r["tool"] == name)
        epoch = sorted(float(r["epoch_ips"]) for r in rows if r["tool"] == name)
        if whole:
            med = lambda v: (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2
            print(f"  {name:<10} whole {med(whole):6.1f}  epoch {med(epoch):6.1f}  (runs: {len(whole)})")


if __name__ == "__main__":
    main()
