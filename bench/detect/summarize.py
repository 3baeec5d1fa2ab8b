#!/usr/bin/python3
"""The table of a bench/detect/run.sh output folder: training tiles/s, test mAP@[.5:.95] and AP50 (both
tools scored by coco_score.py), tiled whole-image inference images/s, peak resident memory of each
training, and the ratios Loupe / peer against the goals of the benchmark.

  summarize.py OUT --test-images N
"""

import argparse
import json
import os
import re


def read_time(path):
    """/usr/bin/time -v: wall seconds, user, system, peak resident set (MB)."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            t = line.rsplit(" ", 1)[1].split(":")
            out["wall_s"] = sum(float(v) * 60 ** i for i, v in enumerate(reversed(t)))
        elif line.startswith("User time (seconds):"):
            out["user_s"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("System time (seconds):"):
            out["sys_s"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("Maximum resident set size (kbytes):"):
            out["peak_rss_mb"] = int(line.rsplit(" ", 1)[1]) / 1024
    return out


def read_load(path):
    return open(path).read().strip() if os.path.exists(path) else "-"


def last_json(path):
    for line in reversed(open(path).read().strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return {}


def loupe_train_rate(run):
    """Training tiles/s over the run's epochs, from metrics.jsonl: tiles (or images, for a run without
    tiles) over the epochs' training seconds."""
    rows = [json.loads(l) for l in open(os.path.join(run, "metrics.jsonl")) if l.strip()]
    rows = [r for r in rows if "epoch" in r]
    key = next((k for k in ("tiles_per_s", "train_tiles_per_s", "images_per_s") if k in rows[-1]), None)
    if key is None:
        return None, rows
    rates = [r[key] for r in rows if key in r]
    # The mean of the epochs' rates (each epoch trains the same number of tiles).
    return sum(rates) / len(rates), rows


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out")
    p.add_argument("--test-images", type=int, required=True)
    args = p.parse_args()
    o = args.out
    tools = {}
    for name in ("peer", "peer-like"):
        if not os.path.exists(os.path.join(o, name + "-score.json")):
            continue
        r = last_json(os.path.join(o, name + ".out"))
        s = json.load(open(os.path.join(o, name + "-score.json")))
        t = read_time(os.path.join(o, name + ".time"))
        tools[name] = {"train": r["train_tiles_per_s"], "map": s["map"], "ap50": s["ap50"], "ap75": s["ap75"],
                         "infer": r["inference_images_per_s"], "rss": t.get("peak_rss_mb"), "wall": t.get("wall_s"),
                         "load": read_load(os.path.join(o, name + ".load")),
                         "loss": {k: v for k, v in r["epochs"][-1].items() if k not in ("epoch", "tiles", "seconds", "tiles_per_s")},
                         "per_class": s["per_class"]}
    for name in ("loupe", "loupe-auto"):
        run = os.path.join(o, name + ".run")
        if not os.path.exists(os.path.join(o, name + "-score.json")):
            continue
        rate, rows = loupe_train_rate(run)
        s = json.load(open(os.path.join(o, name + "-score.json")))
        t = read_time(os.path.join(o, name + "-train.time"))
        e = read_time(os.path.join(o, name + "-eval.time"))
        own = last_json(os.path.join(o, name + "-eval.out"))
        tools[name] = {"train": rate, "map": s["map"], "ap50": s["ap50"], "ap75": s["ap75"],
                       "infer": args.test_images / e["wall_s"], "rss": t.get("peak_rss_mb"), "wall": t.get("wall_s"),
                       "load": read_load(os.path.join(o, name + "-train.load")) + " / " + read_load(os.path.join(o, name + "-eval.load")),
                       "own_map": own.get("map"), "own_ap50": own.get("ap50"), "eval_wall": e["wall_s"],
                       "last_epoch": rows[-1] if rows else {}, "per_class": s["per_class"]}

    print(f"{'tool':<11} {'load1':>11} {'train tiles/s':>13} {'test mAP':>9} {'AP50':>7} {'AP75':>7} "
          f"{'infer img/s':>11} {'train peak RSS MB':>17} {'train wall s':>12}")
    for name, v in tools.items():
        rate = f"{v['train']:.2f}" if v["train"] is not None else "?"
        print(f"{name:<11} {v['load']:>11} {rate:>13} {v['map']:9.4f} {v['ap50']:7.4f} {v['ap75']:7.4f} "
              f"{v['infer']:11.3f} {v['rss'] or 0:17.0f} {v['wall'] or 0:12.1f}")
    print()
    for name, v in tools.items():
        print(f"{name} per class (AP / AP50 / boxes / detections): " + ", ".join(
            f"{c['name']} {c['ap']:.3f}/{c['ap50']:.3f}/{c['support']}/{c['detections']}" for c in v["per_class"]))
        if "own_map" in v:
            print(f"  {name}: eval --json's own figures map {v['own_map']}, ap50 {v['own_ap50']} "
                  f"(coco_score.py on its --predictions: {v['map']:.6f}, {v['ap50']:.6f}); eval wall {v['eval_wall']:.1f} s")
            print(f"  {name} last epoch: {json.dumps(v['last_epoch'])}")
        if "loss" in v:
            print(f"  {name} last epoch losses: {json.dumps(v['loss'])}")
    for peer_name in ("peer", "peer-like"):
        peer = tools.get(peer_name)
        if not peer or all(n.startswith("peer") for n in tools):
            continue
        print()
        print(f"ratios Loupe / {peer_name} (goal):")
        for name, v in tools.items():
            if name.startswith("peer"):
                continue

            def ratio(a, b):
                return f"{a / b:.2f}" if a is not None and b else "n/a"
            print(f"  {name}: training tiles/s {ratio(v['train'], peer['train'])} (>= 1.2); "
                  f"test mAP {ratio(v['map'], peer['map'])} ({v['map']:.4f} vs {peer['map']:.4f}, >= 1); "
                  f"AP50 {ratio(v['ap50'], peer['ap50'])} ({v['ap50']:.4f} vs {peer['ap50']:.4f}, >= 1); "
                  f"inference images/s {ratio(v['infer'], peer['infer'])} (>= 1.5)")
    mem = read_time(os.path.join(o, "memcheck.time"))
    if mem:
        print()
        print(f"memory: Loupe training at 4x4 tiles of 1600x1200 images: peak resident "
              f"{mem['peak_rss_mb']:.0f} MB (goal < 4096 MB), wall {mem['wall_s']:.1f} s")


if __name__ == "__main__":
    main()
