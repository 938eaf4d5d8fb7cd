#!/usr/bin/env bash
# Outage recovery, on demand: 10,000 orders through a 10-minute downstream outage, simulated with Baton's own
# RetryPolicy (full jitter vs none); writes src/bench/recovery-curve.svg and target/bench/recovery-report.md.
#   infra/bench/recovery.sh              # simulation only (seconds)
#   infra/bench/recovery.sh --validate   # plus a real run of 100 orders on the local stack (~1-2 min)
#   infra/bench/recovery.sh --drain      # instead: the 10-minute outage at 10,000 syncs/s, index writes per
#                                        # partition (OutageDrainSimulation, a model; ~3 min, 6 GB heap)
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/bench/classpath.sh
if [ "${1:-}" = "--drain" ]; then
  exec java -Xmx6g $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.recovery.OutageDrainSimulation
fi
exec java $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.recovery.RecoveryBench "$@"
