#!/usr/bin/env bash
# The native suite: Baton's functions as the native executables of target/function-native.zip (infra/native/build.sh
# first; this script does not rebuild it), in one Maven run with BATON_NATIVE=1:
#   NativeFunctionsIT  each function fed real-shaped events through the Runtime API: AWS's sample API Gateway and SQS
#                      events, a handoff, a sync through every stand-in insurer mode over HTTP and HTTPS (self-signed
#                      certificate, trusted with -Djavax.net.ssl.trustStore), the sweeper's scheduled event, an SQS
#                      batch with a poison record for order-retry, a DynamoDB stream event for order-events
#   RouteMatrixIT      every documented route (console assets included) as ten callers, JWT mode, through the gateway
#   CrashPointIT       one crash-point scenario: the stack killed between the sweeper's requeue and its message
# Other black-box suites take the same switch: BATON_NATIVE=1 ./mvnw verify -Dit.test=... (README "Native or JVM").
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/function-native.zip ] || { echo "suite.sh: no target/function-native.zip: run infra/native/build.sh first." >&2; exit 2; }
if [ -n "$(find pom.xml src/main -newer target/function-native.zip -print -quit)" ]; then
  echo "suite.sh: note: sources changed since target/function-native.zip was built (infra/native/build.sh rebuilds it)." >&2
fi
started=$SECONDS
# Only the phases the suites need (compile, test-compile, the local runtime's classpath file), then failsafe's goals
# directly: a full verify would also run the unit tests' phase and re-package the JVM function.zip, which the native
# suite does not use (about 30 s of a CI run).
BATON_NATIVE=1 ./mvnw -B -ntp process-test-classes failsafe:integration-test failsafe:verify \
  -Dit.test='NativeFunctionsIT,RouteMatrixIT,CrashPointIT#crashAfterTheSweeperRequeued*'
echo "suite.sh: the native suite passed in $((SECONDS - started)) s (load: $(cut -d' ' -f1-3 /proc/loadavg))."
