#!/usr/bin/env bash
# Start-up of each function from a function.zip, on demand: time from process start to the first answered
# invocation (median of N runs, default 5), warm p50, peak RSS; also written to target/bench/startup-report-<zip>.md.
#   infra/bench/startup.sh [runs] [zip]   zip: target/function.zip (JVM, default) or target/function-native.zip
# infra/native/compare.sh runs both and adds sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/bench/classpath.sh
exec java $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.startup.StartupBench "$@"
