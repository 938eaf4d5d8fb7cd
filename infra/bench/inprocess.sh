#!/usr/bin/env bash
# Baton's own cost like for like, on demand (issue 16): the handoff's and the sync's application service, and the
# whole function in-process, against the storage floor (the same DynamoDB client doing only the storage work, plus
# the same POST to the same stand-in insurer), in one JVM on one DynamoDB Local, at concurrency 1 and N.
# Report in target/bench/inprocess-report.md (printed at the end); the JVM's own output in target/surefire-reports.
#   infra/bench/inprocess.sh                          # 300 samples, 8 threads, 10 s per subject
#   infra/bench/inprocess.sh --samples 500 --concurrency 8 --duration 20
#   infra/bench/inprocess.sh --c1                     # both sides as the Lambda JVM runs: C1 only
set -euo pipefail
cd "$(dirname "$0")/../.."
samples=300 concurrency=8 duration=10 warmup=400 argline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --c1) argline="-XX:TieredStopAtLevel=1" ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
./mvnw -q -B -ntp ${BENCH_MAVEN_ARGS:-} -Pbench test -Dtest=ServiceFloorBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.samples="$samples" -Dbench.concurrency="$concurrency" -Dbench.duration="$duration" \
  -Dbench.warmup="$warmup" -Dsurefire.redirectTestOutputToFile=true ${argline:+-DargLine="$argline"}
cat target/bench/inprocess-report.md
