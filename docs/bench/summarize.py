#!/usr/bin/env python3
"""Turns run-peers.sh's results.tsv into the Markdown tables of docs/benchmarks.md.

Each cell is the median over the repetitions, with the range below it; the last column compares
SocksGate with the best peer (Dante, microsocks, Netty's example) for that metric.
Usage: [TUNED_LABEL="flags"] summarize.py results.tsv
"""
import json
import os
import statistics
import sys
from collections import defaultdict

PEERS = ["dante", "microsocks", "netty"]
COLUMNS = ["direct", "socksgate", "socksgate-tuned"] + PEERS
NAMES = {"direct": "direct (no proxy)", "socksgate": "SocksGate (default launch)",
         "socksgate-tuned": "SocksGate (" + os.environ.get("TUNED_LABEL", "tuned") + ")",
         "dante": "Dante 1.4.2",
         "microsocks": "microsocks 1.0.3", "netty": "Netty 4.1.128 example"}
# scenario key -> [(json key, label, higher is better; None: no ratio)]
METRICS = {
    "bulk1": [("mib_per_s", "bulk, 1 stream: MiB/s (up + down)", True),
              ("target_cpu_us_per_mib", "bulk, 1 stream: server CPU µs per MiB", False)],
    "bulk16": [("mib_per_s", "bulk, 16 streams: MiB/s (up + down)", True),
               ("target_cpu_us_per_mib", "bulk, 16 streams: server CPU µs per MiB", False)],
    "churn": [("conn_per_s", "churn: connections/s", True),
              ("target_cpu_us_per_conn", "churn: server CPU µs per connection", False),
              ("latency_p50_us", "churn: latency p50 µs", False),
              ("latency_p99_us", "churn: latency p99 µs", False),
              ("latency_p999_us", "churn: latency p99.9 µs", False)],
    "pingpong": [("rtt_p50_us", "pingpong: round trip p50 µs", False),
                 ("rtt_p99_us", "pingpong: round trip p99 µs", False)],
    "idle": [("rss_per_tunnel_kib", "idle: server RSS per tunnel KiB", False),
             ("threads_min", "idle: server threads, fewest", None),
             ("threads_max", "idle: server threads, most", None)],
}


def main(path):
    values = defaultdict(list)  # (key, target, metric) -> [value]
    failed = defaultdict(int)
    loads = []
    startup = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4 or not parts[3].startswith("{"):
            continue
        target, key, load, result = parts[0], parts[1], float(parts[2]), json.loads(parts[3])
        loads.append(load)
        if not result.get("verified"):
            failed[(key, target)] += 1
            continue
        if key == "startup":
            startup.append((target, result))
            continue
        for metric, _, _ in METRICS.get(key, []):
            if metric in result:
                values[(key, target, metric)].append(result[metric])
    print("| metric | " + " | ".join(NAMES[c] for c in COLUMNS)
          + " | SocksGate / best peer | tuned / best peer |")
    print("|---|" + "---|" * (len(COLUMNS) + 2))
    for key, metrics in METRICS.items():
        for metric, label, higher in metrics:
            cells, medians = [], {}
            for c in COLUMNS:
                v = values.get((key, c, metric))
                if not v:
                    cells.append("–" if not failed.get((key, c)) else "failed")
                    continue
                medians[c] = statistics.median(v)
                cells.append(f"{fmt(medians[c])} <br>({fmt(min(v))}–{fmt(max(v))}, n={len(v)})")
            if not medians:
                continue  # a scenario this run did not include
            peers = [medians[p] for p in PEERS if p in medians]
            ratios = []
            for ours in ("socksgate", "socksgate-tuned"):
                ratio = "–"
                if ours in medians and peers and higher is not None:
                    best = max(peers) if higher else min(peers)
                    ratio = f"{medians[ours] / best:.2f}×" if best else "–"
                ratios.append(ratio)
            print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    if startup:
        print("\n| start-up, spawn to first CONNECT reply | median ms | fastest | slowest | runs |")
        print("|---|---|---|---|---|")
    for target, r in startup:
        print(f"| {target} | {fmt(r['startup_median_ms'])} | {fmt(r['startup_min_ms'])} | "
              f"{fmt(r['startup_max_ms'])} | {r['runs']} |")
    if failed:
        print("\nruns not verified: "
              + ", ".join(f"{k[1]} {k[0]} ×{n}" for k, n in failed.items()))
    if loads:
        print(f"\nload average (1 min) at the runs: {min(loads):.2f}–{max(loads):.2f},"
              f" median {statistics.median(loads):.2f}")


def fmt(x):
    if isinstance(x, float) and abs(x) < 100:
        return f"{x:,.2f}"
    return f"{x:,.0f}"


if __name__ == "__main__":
    main(sys.argv[1])
