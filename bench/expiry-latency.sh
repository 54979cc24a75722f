#!/usr/bin/env bash
# How late timeout verdicts arrive when 10 000 checks expire at once, per engine:
# builds core (tests skipped) and runs dev.tcpshaker.bench.ExpiryLatency from core's
# test sources against a full-backlog loopback blackhole. Loopback only.
#
#   bench/expiry-latency.sh                     # 10000 checks, 100 ms, 5 rounds, epoll and nio
#   bench/expiry-latency.sh 10000 100 5 epoll
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
CORE=$ROOT/tcp-shaker-core
JAVA=${JAVA:-java}
(cd "$ROOT" && mvn -q -o -pl tcp-shaker-core -DskipTests package)
ulimit -n "$(ulimit -Hn)"
exec "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -Djdk.net.hosts.file="$CORE/src/test/resources/test-hosts" \
  -cp "$CORE/target/test-classes:$CORE/target/tcp-checker.jar" dev.tcpshaker.bench.ExpiryLatency "$@"
