#!/usr/bin/env bash
# JVM-mode start-up of each function from target/function.zip, on demand: time from process start to the first
# answered invocation (median of N runs, default 5), warm p50, peak RSS; also written to target/bench/startup-report.md.
#   infra/bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/bench/classpath.sh
exec java $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.startup.StartupBench "$@"
