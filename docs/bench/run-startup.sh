#!/bin/sh
# The start-up table of docs/benchmarks.md: spawn to the first CONNECT reply for the launcher's
# default line and the module-path line, on JDK 17 and on a newer JDK, each beside the JVM floor
# (bench startup runs StartupFloor before every start, on the bench's own Java). Rounds alternate
# the four lines. Prints one TSV line per run: label, load average (1 min), the bench's JSON.
#
#   ./mvnw -B -ntp package -DskipTests && docs/bench/run-startup.sh > results.tsv
#
# Environment: JDK17, JDK_NEW (JDK homes; defaults as on the development machine), ROUNDS (2),
# REPEAT (starts per run, 9), PORT (1090, on 127.0.0.1; the bench refuses a port in use).
set -eu
cd "$(dirname "$0")/../.."
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK_NEW=${JDK_NEW:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${ROUNDS:-2}
REPEAT=${REPEAT:-9}
PORT=${PORT:-1090}
dist=socks-app/target/socksgate
modules=socks-app/target/modules
[ -x "$dist/bin/socksgate" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }

# The first start on each JDK makes its class-data archive: not part of what is measured.
for jdk in "$JDK17" "$JDK_NEW"; do
  JAVA_HOME=$jdk "$dist/bin/socksgate" --check >/dev/null
done

line() { # label, jdk, server command...
  label=$1 jdk=$2
  shift 2
  load=$(cut -d' ' -f1 /proc/loadavg)
  json=$(JAVA_HOME=$jdk "$dist/bin/socksgate" bench startup --proxy "127.0.0.1:$PORT" \
    --repeat "$REPEAT" -- "$@" | tail -n 1)
  printf '%s\t%s\t%s\n' "$label" "$load" "$json"
}

r=0
while [ "$r" -lt "$ROUNDS" ]; do
  for jdk in "$JDK17" "$JDK_NEW"; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
    line "launcher-jdk$v" "$jdk" env JAVA_HOME="$jdk" "$dist/bin/socksgate" \
      --socks-port "127.0.0.1:$PORT"
    line "module-path-jdk$v" "$jdk" "$jdk/bin/java" -p "$modules" -m dev.socksgate.app \
      --socks-port "127.0.0.1:$PORT"
  done
  r=$((r + 1))
done
