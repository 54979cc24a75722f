#!/usr/bin/env bash
# How fast /actuator/health answers when a dependency never answers: the sample app with
# five targets, one of them a loopback blackhole (a listener whose accept queue is full,
# so its SYNs are dropped), 500 ms timeout; N sequential requests (default 1000) to the
# whole health and to the dead target alone, each timed by curl. Loopback only.
#
#   bench/health-latency.sh
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
N=${N:-1000}
JAVA=${JAVA:-java}
JAR=$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -pl sample-app -am -DskipTests package)
W=$(mktemp -d /tmp/healthlat.XXXX)
cleanup() { kill "$APP" "$HOLE" 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT

# The blackhole: backlog 0 and two clients that fill its queue, never accepted.
python3 - > "$W/hole" <<'PY' &
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)
fillers = []
for _ in range(3):
    c = socket.socket(); c.setblocking(False); c.connect_ex(s.getsockname()); fillers.append(c)
print(s.getsockname()[1], flush=True)
time.sleep(3600)
PY
HOLE=$!
sleep 0.5
hole=$(head -1 "$W/hole")
port=18089
args=(--server.port=$port --demo.listener.port=25432 --demo.closed.port=25433 --tcpshaker.timeout=500ms
  --tcpshaker.targets.t3.host=127.0.0.1 --tcpshaker.targets.t3.port=25432
  --tcpshaker.targets.t4.host=127.0.0.1 --tcpshaker.targets.t4.port=25432
  --tcpshaker.targets.dead.host=127.0.0.1 --tcpshaker.targets.dead.port="$hole")
"$JAVA" -jar "$JAR" "${args[@]}" > "$W/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "localhost:$port/actuator/health/liveness" && break; sleep 0.2; done
sleep 2   # first verdicts in
measure() { # path
  for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "localhost:$port$1"; done > "$W/t"
  python3 - "$1" "$W/t" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[2]))
p = lambda q: t[int((len(t) - 1) * q)]
print(f"{sys.argv[1]:32} n={len(t)} p50={p(0.5):.2f} ms p99={p(0.99):.2f} ms max={t[-1]:.2f} ms")
PY
}
measure /actuator/health
measure /actuator/health/tcpShaker/dead
grep -c "is DOWN" "$W/app.log" | sed 's/^/state changes to DOWN logged: /'
