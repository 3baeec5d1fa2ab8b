#!/usr/bin/env python3
"""Expected data-parallel speed-up from a measured per-step compute time and gradient size.

Each step every node computes its batch (t_c), then the gradients are averaged with a ring
allreduce: each node sends and receives 2(N-1)/N of the gradient bytes S. Loupe averages after
the backward pass (no overlap), so

    t_step(N) = t_c + 2 (N-1)/N * S / bandwidth + t_fixed + 2 (N-1) * latency
    speed-up(N) = N * t_c / t_step(N)        (weak scaling: the per-rank batch stays the same)

t_fixed is the measured 2-rank loopback allreduce time less its own transfer term: the copies,
the reduction and Gloo's overhead, paid at any bandwidth. The efficiency factor is the share of
the nominal link rate TCP reaches (0.8 is typical for a single stream of large messages)."""
import argparse

p = argparse.ArgumentParser()
p.add_argument("--compute-ms", type=float, required=True, help="one step's forward+backward on one node")
p.add_argument("--gradient-mb", type=float, required=True, help="bytes averaged per step, MB")
p.add_argument("--local-ms", type=float, required=True, help="measured 2-rank loopback allreduce of them")
p.add_argument("--loopback-gbit", type=float, default=40.0, help="loopback rate assumed to split local-ms")
p.add_argument("--latency-us", type=float, default=50.0)
p.add_argument("--efficiency", type=float, default=0.8)
p.add_argument("--nodes", default="2,8,32")
p.add_argument("--links", default="10,100")
a = p.parse_args()

S = a.gradient_mb * 1e6 * 8  # bits
t_c = a.compute_ms / 1e3
loop_transfer = 2 * (2 - 1) / 2 * S / (a.loopback_gbit * 1e9)
t_fixed = max(0.0, a.local_ms / 1e3 - loop_transfer)
print(f"inputs: compute {a.compute_ms:.1f} ms/step, gradients {a.gradient_mb:.1f} MB, "
      f"2-rank loopback allreduce {a.local_ms:.1f} ms (fixed part {t_fixed*1e3:.1f} ms), "
      f"latency {a.latency_us:.0f} us/hop, link efficiency {a.efficiency:.0%}")
def table(fixed, title):
    print(title)
    print(f"{'nodes':>5} {'link':>9} {'allreduce ms':>13} {'step ms':>9} {'speed-up':>9} {'efficiency':>10}")
    for link in [float(x) for x in a.links.split(",")]:
        for n in [int(x) for x in a.nodes.split(",")]:
            comm = 2 * (n - 1) / n * S / (link * 1e9 * a.efficiency) + fixed + 2 * (n - 1) * a.latency_us / 1e6
            step = t_c + comm
            speedup = n * t_c / step
            print(f"{n:>5} {link:>6.0f} Gb {comm*1e3:>13.1f} {step*1e3:>9.1f} {speedup:>9.2f} {speedup/n:>10.0%}")


table(t_fixed, "with the measured fixed part (copies and reduction as slow as on this machine):")
table(0.0, "network only (idle cores make the fixed part small next to the transfer):")
