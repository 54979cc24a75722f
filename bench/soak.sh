#!/usr/bin/env bash
# A bounded soak of the engine (not part of CI): 1 000 000 checks, about 1 000 in flight,
# over a loopback listener, a closed port, a full-backlog blackhole and an unknown name,
# sampling fds, heap after GC and threads every 10 s. Loopback only: names resolve from an
# empty hosts file, so the unknown name sends no query anywhere.
#
#   bench/soak.sh                                  # epoll, 1 000 000 checks
#   ENGINE=nio CHECKS=200000 bench/soak.sh
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
JAR=$ROOT/tcp-shaker-core/target/tcp-checker.jar
JAVA=${JAVA:-java}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -pl tcp-shaker-core -DskipTests package)
hosts=$(mktemp); trap 'rm -f "$hosts"' EXIT
echo "127.0.0.1 localhost" > "$hosts"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA" -Xmx256m -Djdk.net.hosts.file="$hosts" --enable-native-access=ALL-UNNAMED \
  -Dchecks="${CHECKS:-1000000}" -DinFlight="${IN_FLIGHT:-1000}" -Dengine="${ENGINE:-auto}" \
  -DtimeoutMs="${TIMEOUT_MS:-200}" -cp "$JAR" "$ROOT/bench/soak/Soak.java"
