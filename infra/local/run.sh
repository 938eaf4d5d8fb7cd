#!/usr/bin/env bash
# Baton on one machine, no Docker, no AWS account.
#   BATON_PORT          HTTP port of the local API (default 8080)
#   BATON_INSURER_PORT  port of the stand-in insurer (default 8081)
#   BATON_DATA_DIR      where DynamoDB Local keeps its data between runs (default .baton/)
#   BATON_SKIP_BUILD    1 to start the last build without rebuilding
#   BATON_AUTH_MODE     off (default) or jwt, with BATON_JWKS_FILE, BATON_JWT_ISSUER, BATON_JWT_AUDIENCE
#   BATON_LOG_JSON      true: functions log one JSON object per line
#   BATON_NATIVE        1 to run the functions as the native executables of target/function-native.zip
#                       (infra/native/build.sh builds it; the stack itself still runs on the JVM build)
# (the README's table lists every variable). Builds function.zip's application (tests skipped), starts DynamoDB
# Local and ElasticMQ in one JVM, runs every function of template.yaml from the packaged application against a
# Lambda Runtime API emulator, and serves the template's routes. Prints "Baton local ready on http://..." when it
# serves; SIGTERM (or Ctrl-C) stops everything. A problem you can fix (a port in use, a missing JWKS file) is one
# line on stderr and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() {
  echo "run.sh: $*" >&2
  exit 2
}
# Checked before a build of a minute, not after; Java checks again (and everything else) before it starts.
for pair in BATON_PORT:8080 BATON_INSURER_PORT:8081; do
  var="${pair%%:*}"
  port="${!var:-${pair#*:}}"
  [[ "$port" =~ ^[0-9]+$ ]] || fail "$var must be a port number, was $port."
  if [ "$port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port ($var) is already in use: stop what listens there or set $var to a free port."
  fi
done
# Build unless the last build is newer than every source (a warm start skips Maven entirely).
stale() {
  [ ! -f target/function.zip ] || [ ! -f target/local-runtime.classpath ] && return 0
  [ -n "$(find pom.xml template.yaml src -newer target/function.zip -print -quit)" ]
}
if [ "${BATON_SKIP_BUILD:-0}" != "1" ] && stale; then
  echo "run.sh: building target/function.zip (./mvnw package -DskipTests, about a minute the first time)..."
  started=$SECONDS
  # Maven's own lines, without download progress and without the per-plugin INFO chatter.
  if ! ./mvnw -B -ntp package -DskipTests 2>&1 | grep --line-buffered -E '^\[(ERROR|WARNING)\]|^\[INFO\] --- |BUILD|Total time'; then
    fail "the build failed (see the lines above); fix it and run again."
  fi
  echo "run.sh: built in $((SECONDS - started)) s."
elif [ ! -f target/function.zip ] || [ ! -f target/local-runtime.classpath ]; then
  fail "BATON_SKIP_BUILD=1 but there is no build yet: run ./mvnw -B package -DskipTests first."
fi
if [ "${BATON_NATIVE:-0}" = "1" ] && [ -z "${BATON_FUNCTION_ZIP:-}" ]; then
  # Not rebuilt here: a native build takes minutes. Say so when it is older than the sources.
  [ -f target/function-native.zip ] || fail "BATON_NATIVE=1 but there is no target/function-native.zip: run infra/native/build.sh first (minutes)."
  if [ -n "$(find pom.xml src/main -newer target/function-native.zip -print -quit)" ]; then
    echo "run.sh: note: sources changed since target/function-native.zip was built (infra/native/build.sh rebuilds it)." >&2
  fi
  echo "run.sh: functions run natively (target/function-native.zip)."
fi
echo "run.sh: starting the local stack..."
# nodelay: the JDK HTTP servers of the local gateway, Runtime API emulator and stand-in insurer otherwise leave
# Nagle's algorithm on, which adds ~88 ms to every local request (src/bench/README.md).
exec java -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:target/classes:$(cat target/local-runtime.classpath)" dev.baton.local.LocalMain
