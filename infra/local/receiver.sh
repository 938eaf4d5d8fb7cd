#!/usr/bin/env bash
# A stand-in webhook receiver for order events: verifies each delivery's X-Baton-Signature and prints one line per
# event (duplicates marked). Start it beside run.sh and point the stack at it:
#   infra/local/receiver.sh &                                   # listens on BATON_RECEIVER_PORT (8082)
#   BATON_EVENT_WEBHOOKS=http://localhost:8082/events infra/local/run.sh
# Both sides read BATON_EVENT_WEBHOOK_SECRET (default: local-webhook-secret). Needs a build (run.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f target/local-runtime.classpath ]; then
  echo "receiver.sh: no build yet: run infra/local/run.sh or ./mvnw -B package -DskipTests first." >&2
  exit 2
fi
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/local-runtime.classpath)" \
  dev.baton.local.EventReceiver
