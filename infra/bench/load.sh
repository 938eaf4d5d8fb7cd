#!/usr/bin/env bash
# End-to-end load harness on the local stack, on demand: builds function.zip and the harness, starts the
# stack in-process (or targets a running one with --url/--insurer) and prints throughput, latency, AWS calls,
# consumed capacity and the cost model (also in target/bench/load-report.md).
#   infra/bench/load.sh                                  # 8 workers, 20 s per phase, 30 counted per operation
#   infra/bench/load.sh --concurrency 4 --duration 60
#   infra/bench/load.sh --smoke                          # CI: a few seconds, fails on any unexpected answer
#   infra/bench/load.sh --url http://localhost:8080 --insurer http://localhost:8081   # a running run.sh stack
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/bench/classpath.sh
# the functions inherit this: AwsCallCounter asks DynamoDB for consumed capacity and logs each call
export BATON_COUNT_CAPACITY=true
exec java $BENCH_JAVA_OPTS -cp "$BENCH_CP" dev.baton.bench.load.LoadHarness "$@"
