#!/usr/bin/env bash
# Baton on one machine, no Docker, no AWS account.
#   BATON_PORT        HTTP port of the local API (default 8080)
#   BATON_DATA_DIR    where DynamoDB Local keeps its data between runs (default .baton/)
#   BATON_SKIP_BUILD  1 to start the last build without rebuilding
# Builds function.zip's application (tests skipped), starts DynamoDB Local and ElasticMQ in one JVM,
# runs every function of template.yaml from the packaged application against a Lambda Runtime API
# emulator, and serves the template's routes. Prints "Baton local ready on http://..." when it serves;
# SIGTERM (or Ctrl-C) stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Build unless the last build is newer than every source (a warm start skips Maven entirely).
stale() {
  [ ! -f target/function.zip ] || [ ! -f target/local-runtime.classpath ] && return 0
  [ -n "$(find pom.xml template.yaml src -newer target/function.zip -print -quit)" ]
}
if [ "${BATON_SKIP_BUILD:-0}" != "1" ] && stale; then
  ./mvnw -q -B -ntp package -DskipTests
fi
# nodelay: the JDK HTTP servers of the local gateway, Runtime API emulator and stand-in insurer otherwise leave
# Nagle's algorithm on, which adds ~88 ms to every local request (src/bench/README.md).
exec java -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:$(cat target/local-runtime.classpath)" dev.baton.local.LocalBaton
