#!/usr/bin/env bash
# Start-up of each function from a function.zip, on demand: time from process start to the first answered
# invocation (median of N runs, default 5), warm p50, peak RSS, primed and with priming off, beside a bare funqy
# hello world packaged and started the same way (src/bench/bare, its own Maven project, never in function.zip):
# the ratio to it is the figure. Also written to target/bench/startup-report-<zip>.md. Every subject starts with
# the environment Lambda would give it, none of this shell's.
#   infra/bench/startup.sh [runs] [zip]   zip: target/function.zip (JVM, default) or target/function-native.zip
#                                         (native: measured against the bare app built natively, ~3 min once)
# infra/native/compare.sh runs both and adds sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/bench/classpath.sh
ZIP=${2:-target/function.zip}
BARE_ZIP=src/bench/bare/target/function.zip
bare_args=()
# a native zip (its executable is bootstrap) is measured against the bare app built natively with the same GraalVM
if unzip -l "$ZIP" bootstrap >/dev/null 2>&1; then
  BARE_ZIP=src/bench/bare/target/native/function.zip
  bare_args=(-Pnative "-Dquarkus.native.graalvm-home=$(infra/native/build.sh --home)")
fi
if [ ! -f "$BARE_ZIP" ] || [ -n "$(find src/bench/bare/pom.xml src/bench/bare/src -newer "$BARE_ZIP" -print -quit)" ]; then
  ./mvnw -q -B -ntp ${BENCH_MAVEN_ARGS:-} -f src/bench/bare/pom.xml package -DskipTests "${bare_args[@]}"
fi
exec java $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.startup.StartupBench "${1:-5}" "$ZIP" "$BARE_ZIP"
