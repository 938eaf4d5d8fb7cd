#!/usr/bin/env bash
# JMH benchmarks of the pure domain (handoff resolution, failure classification), on demand.
# Arguments go to JMH, e.g.: infra/bench/jmh.sh -f 1 -wi 3 -i 5 -prof gc HandoffResolverBench
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
