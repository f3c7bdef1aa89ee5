#!/usr/bin/env bash
# Reproduces the results table of docs/benchmarks.md: SocksGate, the direct baseline, Dante
# (Debian dante-server), microsocks (Debian microsocks) and Netty's SOCKS proxy example, measured
# by `socksgate bench` in one session, on loopback only.
#
#   docs/bench/run-peers.sh            # after ./mvnw -B -ntp package -DskipTests
#   REPS=5 SCENARIOS="churn idle" docs/bench/run-peers.sh
#
# Every server is pinned to CPU 0 and the generator to CPU 1 (taskset); each server is started by
# this script, known by its PID, bound to 127.0.0.1, and stopped by PID at exit. Repetitions are
# interleaved (rep 1 of every target, then rep 2, ...) so that drift on a shared machine hits all
# targets alike; idle runs come last, each on a freshly started server alone on the machine.
# Results: $OUT/results.tsv (one JSON line per run), then the table from
# summarize.py. Needs: danted, microsocks (INSTALL=1 installs them), the Netty example's jars
# (fetched from Maven Central into $NETTY_LIB if missing), python3, taskset.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/socksgate-bench}
REPS=${REPS:-3}
SCENARIOS=${SCENARIOS:-"bulk1 bulk16 churn pingpong idle startup"}
TARGETS=${TARGETS:-"direct socksgate socksgate-tuned dante microsocks netty"}
NETTY_VERSION=${NETTY_VERSION:-4.1.128.Final}
NETTY_LIB=${NETTY_LIB:-$OUT/netty-lib}
IDLE_TUNNELS=${IDLE_TUNNELS:-9900}
SERVER_CPU=${SERVER_CPU:-0}
GEN_CPU=${GEN_CPU:-1}
# "socksgate" is the default launch line of the README; "socksgate-tuned" adds the memory flags
# recommended in docs/benchmarks.md. Start-up is measured with the flags of STARTUP_VARIANTS.
TUNED_JAVA_OPTS=${TUNED_JAVA_OPTS:--XX:+UseSerialGC -Xmn16m}
TUNED_ARGS=${TUNED_ARGS:-} # server options of the tuned instance, e.g. "--bulk-buffer-size 1048576"
FAST_START_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
MODULES=$ROOT/socks-app/target/modules
declare -A PORT=([socksgate]=11080 [microsocks]=11081 [dante]=11082 [netty]=11083
  [socksgate-tuned]=11084)
declare -A PID=()

mkdir -p "$OUT"
# Both ends of 9,900 idle tunnels live in the generator: 19,800 descriptors and a few more.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

install_peers() { # Debian: no service may start (dante-server ships one)
  apt-get update
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y dante-server microsocks || true
  rm -f /usr/sbin/policy-rc.d
}

fetch_netty() {
  [ -f "$NETTY_LIB/netty-example-$NETTY_VERSION.jar" ] && return
  mkdir -p "$OUT/netty-pom"
  cat > "$OUT/netty-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.bench</groupId><artifactId>netty-peer</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.netty</groupId><artifactId>netty-example</artifactId><version>$NETTY_VERSION</version>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>io.netty</groupId><artifactId>netty-codec-socks</artifactId><version>$NETTY_VERSION</version></dependency>
    <dependency><groupId>io.netty</groupId><artifactId>netty-handler</artifactId><version>$NETTY_VERSION</version></dependency>
  </dependencies></project>
POM
  (cd "$OUT/netty-pom" && "$ROOT/mvnw" -B -q -ntp dependency:copy-dependencies \
    -DoutputDirectory="$NETTY_LIB")
}

wait_port() { # until something accepts on 127.0.0.1:$1
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "nothing listens on 127.0.0.1:$1" >&2; return 1
}

start() { # $1 = target name; records its PID
  local p=${PORT[$1]}
  case $1 in
    socksgate)
      taskset -c "$SERVER_CPU" java -p "$MODULES" -m dev.socksgate.app \
        --socks-port "127.0.0.1:$p" --log-level warn > "$OUT/socksgate.log" 2>&1 & ;;
    socksgate-tuned)
      # shellcheck disable=SC2086
      taskset -c "$SERVER_CPU" java $TUNED_JAVA_OPTS -p "$MODULES" -m dev.socksgate.app \
        --socks-port "127.0.0.1:$p" --log-level warn $TUNED_ARGS \
        > "$OUT/socksgate-tuned.log" 2>&1 & ;;
    microsocks)
      # microsocks prints a line per connection and has no option to stop it: /dev/null is the
      # cheapest place for it (a file would add page-cache writes to its figures).
      taskset -c "$SERVER_CPU" microsocks -i 127.0.0.1 -p "$p" > /dev/null 2>&1 & ;;
    dante)
      cat > "$OUT/danted.conf" <<CONF
logoutput: $OUT/danted.log
internal: 127.0.0.1 port = $p
external: 127.0.0.1
clientmethod: none
socksmethod: none
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 log: error }
socks pass { from: 127.0.0.0/8 to: 127.0.0.0/8 log: error }
CONF
      taskset -c "$SERVER_CPU" danted -f "$OUT/danted.conf" > /dev/null 2>&1 & ;;
    netty)
      # The example logs every accepted connection at INFO through java.util.logging: WARNING
      # keeps the console out of the measurement. Its port comes from -Dport.
      printf 'handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n' \
        > "$OUT/netty-logging.properties"
      taskset -c "$SERVER_CPU" java -Dport="$p" \
        -Djava.util.logging.config.file="$OUT/netty-logging.properties" \
        -cp "$NETTY_LIB/*" io.netty.example.socksproxy.SocksServer > "$OUT/netty.log" 2>&1 & ;;
  esac
  PID[$1]=$!
  wait_port "$p"
}

stop_all() {
  for t in "${!PID[@]}"; do
    kill "${PID[$t]}" 2>/dev/null || true
    wait "${PID[$t]}" 2>/dev/null || true
  done
}
trap stop_all EXIT

bench() { # $1 = target, $2 = scenario key, rest = bench arguments
  local target=$1 key=$2; shift 2
  local where=(--proxy "127.0.0.1:${PORT[$target]:-1}" --pid "${PID[$target]:-0}")
  [ "$target" = direct ] && where=(--direct)
  local line
  line=$(taskset -c "$GEN_CPU" java -p "$MODULES" -m dev.socksgate.app bench "$@" "${where[@]}" \
    | tail -n 1) || true
  printf '%s\t%s\t%s\t%s\n' "$target" "$key" "$(cut -d' ' -f1 /proc/loadavg)" "$line" \
    | tee -a "$OUT/results.tsv"
}

scenario() { # $1 = target, $2 = scenario key
  case $2 in
    bulk1) bench "$1" "$2" bulk --streams 1 --mib 1024 ;;
    bulk16) bench "$1" "$2" bulk --streams 16 --mib 64 ;;
    churn) bench "$1" "$2" churn --workers 16 --warmup 3s --duration 6s ;;
    pingpong) bench "$1" "$2" pingpong --messages 20000 --size 64 ;;
    idle) [ "$1" = direct ] \
      || bench "$1" "$2" idle --tunnels "$IDLE_TUNNELS" --steps 3 --settle 3s ;;
    startup) ;; # below, for SocksGate only
  esac
}

[ "${INSTALL:-0}" = 1 ] && install_peers
if ! command -v danted microsocks > /dev/null; then
  echo "install dante-server and microsocks (INSTALL=1)" >&2; exit 1
fi
fetch_netty
: > "$OUT/results.tsv"
read -r -a targets <<< "$TARGETS"
for t in "${targets[@]}"; do [ "$t" = direct ] || start "$t"; done
# Warm-up, not recorded: the JVM servers compile their hot paths during their first seconds.
for t in "${targets[@]}"; do
  [ "$t" = direct ] && continue
  taskset -c "$GEN_CPU" java -p "$MODULES" -m dev.socksgate.app bench churn --warmup 0 \
    --duration 4s --proxy "127.0.0.1:${PORT[$t]}" > /dev/null || true
  taskset -c "$GEN_CPU" java -p "$MODULES" -m dev.socksgate.app bench bulk --mib 512 \
    --proxy "127.0.0.1:${PORT[$t]}" > /dev/null || true
done
for rep in $(seq 1 "$REPS"); do
  for s in $SCENARIOS; do
    [ "$s" = idle ] || [ "$s" = startup ] && continue
    # Rotate the order each repetition: a churn run leaves tens of thousands of TIME_WAIT
    # sockets behind for a minute, which makes the next target's connects dearer.
    for i in "${!targets[@]}"; do scenario "${targets[(i + rep) % ${#targets[@]}]}" "$s"; done
  done
done
stop_all
PID=()
if [[ " $SCENARIOS " == *" idle "* ]]; then
  # Each idle run gets a freshly started server, alone on the machine: resident memory per tunnel
  # is then the growth from an idle process to 9,900 open tunnels, comparable between servers.
  for rep in $(seq 1 "$REPS"); do
    for t in "${targets[@]}"; do
      [ "$t" = direct ] && continue
      start "$t"
      sleep 2 # let a JVM finish its start-up work before the first sample
      scenario "$t" idle
      stop_all
      PID=()
    done
  done
fi
startup() { # $1 = label, $2 = pinned|free, rest = JVM flags; spawn to the first CONNECT reply
  # "free" must say so: a child of the generator would inherit its one-CPU affinity.
  local label=$1 pin=(taskset -c "$SERVER_CPU"); shift
  [ "$1" = free ] && pin=(taskset -c "$SERVER_CPU,$GEN_CPU")
  shift
  taskset -c "$GEN_CPU" java -p "$MODULES" -m dev.socksgate.app bench startup \
    --proxy 127.0.0.1:11090 --repeat $((REPS * 3)) -- "${pin[@]}" java "$@" \
    -p "$MODULES" -m dev.socksgate.app --socks-port 127.0.0.1:11090 --log-level warn \
    | tail -n 1 | sed "s/^/$label\tstartup\t$(cut -d' ' -f1 /proc/loadavg)\t/" \
    | tee -a "$OUT/results.tsv"
}
if [[ " $SCENARIOS " == *" startup "* ]]; then
  # Pinned to one CPU like every server above, then free to use both (start-up overlaps work:
  # Log4j configures itself on its own thread while the options are parsed).
  startup socksgate pinned
  startup socksgate-2cpu free
  # shellcheck disable=SC2086
  startup socksgate-c1-serial pinned $FAST_START_OPTS
  # AppCDS: a training run (started, used once, stopped by SIGTERM) writes the class archive.
  rm -f "$OUT/socksgate.jsa"
  java -XX:ArchiveClassesAtExit="$OUT/socksgate.jsa" -p "$MODULES" \
    -m dev.socksgate.app --socks-port 127.0.0.1:11091 --log-level warn > "$OUT/train.log" 2>&1 &
  train=$!
  wait_port 11091
  java -p "$MODULES" -m dev.socksgate.app bench pingpong --proxy 127.0.0.1:11091 \
    --messages 100 > /dev/null
  kill -TERM "$train"; wait "$train" || true
  startup socksgate-2cpu-appcds free -XX:SharedArchiveFile="$OUT/socksgate.jsa" -Xlog:cds=off
  # shellcheck disable=SC2086
  startup socksgate-c1-serial-appcds pinned $FAST_START_OPTS \
    -XX:SharedArchiveFile="$OUT/socksgate.jsa" -Xlog:cds=off
  # shellcheck disable=SC2086
  startup socksgate-2cpu-c1-serial-appcds free $FAST_START_OPTS \
    -XX:SharedArchiveFile="$OUT/socksgate.jsa" -Xlog:cds=off
fi
TUNED_LABEL="${TUNED_JAVA_OPTS}${TUNED_ARGS:+ $TUNED_ARGS}" \
  python3 "$(dirname "$0")/summarize.py" "$OUT/results.tsv"
