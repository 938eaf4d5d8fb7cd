#!/usr/bin/env bash
# CI's check that the README walkthrough is true: starts the stand-in event receiver (infra/local/receiver.sh) and
# infra/local/run.sh posting its events there, on three free ports with the data in a temporary directory and the
# build CI just made (BATON_SKIP_BUILD=1: run after ./mvnw verify), waits for the stack's ready line (at most
# BATON_READY_SECONDS, default 300), runs infra/local/walkthrough.sh with the receiver's output, and stops both.
# Exits non-zero when the stack does not start or an answer drifted; the stack's log is printed then.
set -euo pipefail
cd "$(dirname "$0")/../.."
read -r port insurer_port receiver_port < <(node -e '
const net = require("net");
const free = () => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => {
  const p = s.address().port; s.close(() => ok(p)); }); });
Promise.all([free(), free(), free()]).then((p) => console.log(p.join(" ")));')
data=$(mktemp -d)
log="$data/run.log"
receiver_log="$data/receiver.log"
BATON_RECEIVER_PORT=$receiver_port infra/local/receiver.sh >"$receiver_log" 2>&1 &
receiver=$!
BATON_PORT=$port BATON_INSURER_PORT=$insurer_port BATON_DATA_DIR="$data" BATON_SKIP_BUILD=1 \
  BATON_EVENT_WEBHOOKS="http://localhost:$receiver_port/events" infra/local/run.sh >"$log" 2>&1 &
stack=$!
stop() {
  kill "$stack" 2>/dev/null && wait "$stack" 2>/dev/null || true
  kill "$receiver" 2>/dev/null && wait "$receiver" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
deadline=$((SECONDS + ${BATON_READY_SECONDS:-300}))
until grep -q '^Baton local ready on ' "$log"; do
  if ! kill -0 "$stack" 2>/dev/null || [ $SECONDS -ge "$deadline" ]; then
    echo "walkthrough-ci: the local stack did not become ready; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "walkthrough-ci: stack ready on port $port (insurer $insurer_port) after ${SECONDS} s"
if ! BATON_PORT=$port BATON_INSURER_PORT=$insurer_port BATON_RECEIVER_LOG="$receiver_log" \
    infra/local/walkthrough.sh; then
  echo "walkthrough-ci: the stack's last lines:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
# The order events of the walkthrough's changes (README "Order events"), as the stack logs each one it relays.
for expected in "order event order.handed-off A-1001 " "order event sync.went-async A-1001 " \
                "order event sync.succeeded A-1001 "; do
  for _ in $(seq 1 40); do grep -qF "$expected" "$log" && break; sleep 0.25; done
  if ! grep -qF "$expected" "$log"; then
    echo "walkthrough-ci: the stack relayed no '$expected' event; its last lines:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  echo "ok  event: $expected"
done
