#!/usr/bin/env bash
# What the starter adds to an application's start-up: the same small web app (webmvc +
# actuator), packaged with the starter and three loopback targets and without it, started
# RUNS times each, interleaved, on the same JVM. Each run reports Boot's own "Started ...
# in X seconds (process running for Y)" line: Y covers the JVM's start too.
#
#   bench/startup.sh                 # 5 interleaved runs each, default java
#   RUNS=9 JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
APP=$ROOT/bench/startup-app
OUT=$(mktemp -d /tmp/startup.XXXX)
trap 'rm -rf "$OUT"' EXIT

# The starter must be in the local repository for the app's build to find it.
(cd "$ROOT" && mvn -q install -DskipTests)
(cd "$APP" && mvn -q -Pwith-starter -DskipTests package && cp target/startup-app-0.jar "$OUT/with.jar")
(cd "$APP" && mvn -q -DskipTests package && cp target/startup-app-0.jar "$OUT/without.jar")

targets=()
for i in 1 2 3; do
  targets+=("--tcpshaker.targets.t$i.host=127.0.0.1" "--tcpshaker.targets.t$i.port=$((15440 + i))")
done

run() { # jar args...
  local jar=$1; shift
  "$JAVA" -jar "$jar" --server.port=0 --spring.main.banner-mode=off "$@" > "$OUT/run.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    grep -q "Started StartupApp" "$OUT/run.log" && break
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sed -n 's/.*Started StartupApp in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$OUT/run.log"
}

echo "java: $("$JAVA" -version 2>&1 | head -1); runs: $RUNS each, interleaved"
for i in $(seq 1 "$RUNS"); do
  echo "without $(run "$OUT/without.jar")" >> "$OUT/times"
  echo "with $(run "$OUT/with.jar" "${targets[@]}")" >> "$OUT/times"
done
python3 - "$OUT/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if len(line.split()) == 3]
for kind in ("without", "with"):
    process = [float(r[2]) for r in rows if r[0] == kind]
    context = [float(r[1]) for r in rows if r[0] == kind]
    print(f"{kind:8} process running for: median {statistics.median(process):.3f} s "
          f"(min {min(process):.3f}, max {max(process):.3f}); context started in median {statistics.median(context):.3f} s")
w = statistics.median(float(r[2]) for r in rows if r[0] == "with")
wo = statistics.median(float(r[2]) for r in rows if r[0] == "without")
print(f"the starter adds {w - wo:+.3f} s to the median start-up: {100 * (w - wo) / wo:+.1f} %")
PY
