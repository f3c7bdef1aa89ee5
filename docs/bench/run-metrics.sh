#!/bin/bash
# Metrics cost: churn and bulk against three servers started on 127.0.0.1:1095 in turn, ROUNDS
# interleaved rounds (the order rotates each round), one bench (the newer one) for all:
#   base  a distribution built before the transport counted anything (B)
#   off   the newer distribution (N) with metrics off (the default; the counters still count)
#   on    N with --metrics-port 127.0.0.1:9095, scraped once a second by curl during the run
# Prints one TSV line per run: round, variant, churn JSON, bulk JSON.
#
#   B=/old/socks-app/target/socksgate N=socks-app/target/socksgate docs/bench/run-metrics.sh
set -u
B=${B:?the distribution without counters}
N=${N:?the newer distribution}
ROUNDS=${ROUNDS:-6}
BENCH=$N/bin/socksgate
variants=(base off on)
for r in $(seq 1 "$ROUNDS"); do
 for k in 0 1 2; do
  v=${variants[$(( (r + k) % 3 ))]}
  case $v in
   base) cmd=("$B/bin/socksgate" --socks-port 127.0.0.1:1095) ;;
   off) cmd=("$N/bin/socksgate" --socks-port 127.0.0.1:1095) ;;
   on) cmd=("$N/bin/socksgate" --socks-port 127.0.0.1:1095 --metrics-port 127.0.0.1:9095) ;;
  esac
  "${cmd[@]}" --log-level warn >/tmp/perf-server.log 2>&1 &
  pid=$!
  for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/1095) 2>/dev/null && break; sleep 0.1; done
  scraper=
  if [ "$v" = on ]; then
   (while kill -0 $pid 2>/dev/null; do curl -s --max-time 5 -o /dev/null http://127.0.0.1:9095/metrics; sleep 1; done) &
   scraper=$!
  fi
  c=$($BENCH bench churn --proxy 127.0.0.1:1095 --pid $pid --duration 5s --warmup 1s | tail -n1)
  b=$($BENCH bench bulk --proxy 127.0.0.1:1095 --pid $pid --mib 256 | tail -n1)
  [ -n "$scraper" ] && kill $scraper 2>/dev/null
  kill -TERM $pid; wait $pid
  printf '%s\t%s\t%s\t%s\n' "$r" "$v" "$c" "$b"
 done
done
