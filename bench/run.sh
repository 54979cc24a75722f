#!/usr/bin/env bash
# Benchmarks tcp-checker.jar against the C yardstick with the shared harness
# (../shared/bench/run.sh), once per variant of ours, each side by side with the
# C tool it must be compared with:
#
#   epoll    java -jar tcp-checker.jar            every harness tool, stress scenario included
#   nio      java -jar tcp-checker.jar -e nio     with c-halfopen
#   connect  java -jar tcp-checker.jar -m connect with c-connect
#
# then a 10 000-in-flight run in a 64 MiB heap, and bench/ratios.py, which puts the
# ratios to the C yardstick next to the targets of issue 5.
#
#   bench/run.sh                          # N=100000, 3 reps, ~10 min on 2 cores
#   N=20000 REPS=1 VARIANTS=epoll bench/run.sh
#
# Env: BENCH_HOME (default <repo>/../shared/bench), VARIANTS, RESULTS, and every knob of
# the harness (N REPS CONCS STRESS_CONCS STRESS_N GO_PEER JAVA ...). Only loopback and
# the harness's own network namespace are ever contacted.
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
BENCH_HOME=${BENCH_HOME:-$ROOT/../shared/bench}
JAR=$ROOT/tcp-shaker-core/target/tcp-checker.jar
JAVA=${JAVA:-java}
VARIANTS=${VARIANTS:-epoll nio connect}
RESULTS=${RESULTS:-$ROOT/bench/results/$(date +%Y%m%d-%H%M%S)}
export N=${N:-100000} STRESS_N=${STRESS_N:-100000} JAVA
# The harness writes beside itself only when it may; ours go under bench/results (git-ignored).
export BUILD=${BUILD:-$ROOT/bench/results/build}
mkdir -p "$RESULTS" "$BUILD"

[[ -x $BENCH_HOME/run.sh ]] || { echo "no harness at $BENCH_HOME (set BENCH_HOME)" >&2; exit 2; }
if [[ ! -f $JAR ]] || [[ -n $(find "$ROOT/pom.xml" "$ROOT/tcp-shaker-core/pom.xml" "$ROOT/tcp-shaker-core/src/main" \
    -newer "$JAR" -print -quit) ]]; then
  echo "building $JAR"
  (cd "$ROOT" && mvn -q -pl tcp-shaker-core -DskipTests package)
fi

# variant name, candidate flags, tools run beside it, stress concurrencies
run_variant() {
  local name=$1 flags=$2 tools=$3 stress=$4
  echo "=== $name: java -jar tcp-checker.jar $flags"
  OUT=$RESULTS/$name CANDIDATE="$JAVA -jar $JAR $flags" CANDIDATE_NAME=$name TOOLS=$tools \
    STRESS_CONCS=$stress "$BENCH_HOME/run.sh"
}
for variant in $VARIANTS; do
  case $variant in
    epoll) run_variant tcp-shaker-epoll "" "" "${STRESS_CONCS-4096}" ;;
    nio) run_variant tcp-shaker-nio "-e nio" "c-halfopen tcp-shaker-nio" "${STRESS_CONCS-4096}" ;;
    connect) run_variant tcp-shaker-connect "-m connect" "c-connect tcp-shaker-connect" "" ;;
    *) echo "unknown variant $variant (epoll, nio, connect)" >&2; exit 2 ;;
  esac
done

# 10 000 checks in flight at once (a full-backlog target holds each for the whole
# timeout) in a 64 MiB heap; -v prints the open fds before and after the checks.
echo "=== 10 000 in flight, -Xmx64m"
"$BUILD/listener" -p 0 -m fill >"$RESULTS/inflight-listener.out" &
listener=$!
trap 'kill $listener 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q '^port=' "$RESULTS/inflight-listener.out" && break; sleep 0.1; done
port=$(sed -n 's/^port=//p' "$RESULTS/inflight-listener.out")
ulimit -n "$(ulimit -Hn)"
"$JAVA" -Xmx64m -XX:+ExitOnOutOfMemoryError -jar "$JAR" -a "127.0.0.1:$port" -n 10000 -c 10000 -t 1000 -v \
  >"$RESULTS/inflight.out" 2>"$RESULTS/inflight.err" || echo "exit code $?" >>"$RESULTS/inflight.err"
kill "$listener"
cat "$RESULTS/inflight.out" "$RESULTS/inflight.err"

python3 "$ROOT/bench/ratios.py" "$RESULTS" | tee "$RESULTS/ratios.md"
echo "results: $RESULTS"
