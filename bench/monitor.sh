#!/usr/bin/env bash
# Monitoring benchmark: tcp-checker's monitor mode (`-a 127.0.0.1:PORT -s S -i INTERVAL_MS`)
# side by side with HAProxy's layer-4 checks of the same S servers, in one run of the shared
# harness (../shared/bench/monitor.sh). It prints one line per tool and S:
#   monitor tool=T servers=S window_s=.. cpu_s=.. core_pct=.. syns=.. syns_per_s=.. accepts=.. cpu_us_per_check=..
#
#   bench/monitor.sh                          # S="1000 10000", INTERVAL_MS=1000, WARM_S=10, D=30
#   S=1000 WARM_S=5 D=10 bench/monitor.sh
#
# Env: BENCH_HOME (default <repo>/../shared/bench), JAVA, and the harness's knobs
# (S INTERVAL_MS WARM_S D TOOLS). Builds the jar only when it is missing. Needs root (an
# nftables counter counts the SYNs), nft, gcc and haproxy; installs the missing ones with
# apt-get. Only loopback is ever contacted.
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
BENCH_HOME=${BENCH_HOME:-$ROOT/../shared/bench}
JAR=$ROOT/tcp-shaker-core/target/tcp-checker.jar
JAVA=${JAVA:-java}

[[ -f $BENCH_HOME/monitor.sh ]] || { echo "no harness at $BENCH_HOME (set BENCH_HOME)" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "bench/monitor.sh needs root: an nftables counter counts the SYNs" >&2; exit 1; }
need=()
command -v nft >/dev/null || need+=(nftables)
command -v gcc >/dev/null || need+=(gcc)
if [[ ${TOOLS:-haproxy} == *haproxy* ]] && ! command -v haproxy >/dev/null; then
  need+=(haproxy)
fi
if [[ ${#need[@]} -gt 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need[@]}" || { apt-get update -q && apt-get install -y -q "${need[@]}"; }
fi
if [[ ! -f $JAR ]]; then
  echo "building $JAR"
  (cd "$ROOT" && mvn -q -pl tcp-shaker-core -am -DskipTests package)
fi
# The jar's manifest enables native access, so no JVM flag is needed.
CANDIDATE="$JAVA -jar $JAR" exec bash "$BENCH_HOME/monitor.sh"
