#!/bin/bash
# Before/after check of a change: churn and bulk against two built distributions, started on
# 127.0.0.1:1095 in turn, three interleaved rounds, one bench (the newer one) for both. Prints one
# TSV line per run: round, distribution, churn JSON, bulk JSON.
#
#   B=/path/to/old/socks-app/target/socksgate N=socks-app/target/socksgate docs/bench/run-before-after.sh
set -u
B=${B:?the older distribution}
N=${N:?the newer distribution}
BENCH=$N/bin/socksgate
for r in 1 2 3; do
 for d in $B $N; do
  $d/bin/socksgate --socks-port 127.0.0.1:1095 --log-level warn >/tmp/perf-server.log 2>&1 &
  pid=$!
  for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/1095) 2>/dev/null && break; sleep 0.1; done
  c=$($BENCH bench churn --proxy 127.0.0.1:1095 --pid $pid --duration 5s --warmup 1s | tail -n1)
  b=$($BENCH bench bulk --proxy 127.0.0.1:1095 --pid $pid --mib 256 | tail -n1)
  kill -TERM $pid; wait $pid
  printf '%s\t%s\t%s\t%s\n' "$r" "$d" "$c" "$b"
 done
done
