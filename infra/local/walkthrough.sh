#!/usr/bin/env bash
# The README's walkthrough, step by step, against a running local stack (infra/local/run.sh on a fresh
# BATON_DATA_DIR), comparing every answer's status and key fields with what the README shows. Fails loudly on
# the first difference, so the README cannot drift from what Baton answers. CI runs it (.ci/run).
#   BATON_PORT, BATON_INSURER_PORT   where the stack listens (defaults 8080, 8081), as for run.sh
#   BATON_RECEIVER_LOG   the output of infra/local/receiver.sh when the stack posts its events there
#                        (BATON_EVENT_WEBHOOKS): the walkthrough then also shows the lines the receiver printed
# Needs bash, curl 7.82+ (--json) and Node.js (CI has it; lib/expect.js compares the answers).
set -euo pipefail
B=http://localhost:${BATON_PORT:-8080}
INSURER=http://localhost:${BATON_INSURER_PORT:-8081}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
STEP="start"
STATUS=""

# call METHOD URL [JSON]: one request; the answer goes to $OUT and its status to $STATUS.
call() {
  local args=(-s -o "$OUT" -w '%{http_code}' -X "$1" "$2")
  [ $# -ge 3 ] && args+=(--json "$3")
  STATUS=$(curl "${args[@]}") || { echo "walkthrough: $STEP: $1 $2 failed (is the stack running on $B?)" >&2; exit 1; }
}

# expect STATUS [CHECK...]: CHECK is path=json (equal), path~text (contains) or path#=n (length), on the answer.
expect() {
  node "$(dirname "$0")/lib/expect.js" "$STEP" "$STATUS" "$OUT" "$@"
  echo "ok  $STEP"
}

# field PATH: one field of the last answer, for later steps.
field() {
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$OUT" "$1"
}

# until_event TYPE ORDER: reads the order's events (GET /v1/orders/ORDER/events) until one of type TYPE is there
# (the relay reads the orders table's stream, so an event follows its change by a moment; at most 30 s), then
# shows what the stand-in receiver printed for it when BATON_RECEIVER_LOG is set.
until_event() {
  local type=$1 order=$2 deadline=$((SECONDS + 30))
  while :; do
    call GET "$B/v1/orders/$order/events"
    [ "$STATUS" = 200 ] && node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
      .events.some((e) => e.type === process.argv[2]) ? 0 : 1)' "$OUT" "$type" && break
    [ $SECONDS -ge $deadline ] && { echo "walkthrough: DRIFT at $STEP: no $type event within 30 s: $(cat "$OUT")" >&2; exit 1; }
    sleep 0.5
  done
  [ -z "${BATON_RECEIVER_LOG:-}" ] && return
  local line=""
  while [ -z "$line" ]; do
    line=$(grep -F "event $type order $order " "$BATON_RECEIVER_LOG" | head -n 1 || true)
    [ -n "$line" ] && break
    [ $SECONDS -ge $deadline ] && { echo "walkthrough: DRIFT at $STEP: the receiver printed no $type event" >&2; exit 1; }
    sleep 0.5
  done
  echo "    receiver: ${line:0:160}"
}

# until_status WANT METHOD URL [JSON]: repeats a request until its answer's "status" is WANT (at most 30 s).
until_status() {
  local want=$1 deadline=$((SECONDS + 30))
  shift
  while :; do
    call "$@"
    [ "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).status)' "$OUT")" \
      = "$want" ] && return
    [ $SECONDS -ge $deadline ] && { echo "walkthrough: DRIFT at $STEP: no $want within 30 s: $(cat "$OUT")" >&2; exit 1; }
    sleep 0.5
  done
}

STEP="0. a fresh stack"
call GET "$B/v1/orders/A-1001"
expect 404

STEP="1. publish the phone flow"
call PUT "$B/v1/business-types/auto-policy/flows/phone" '{"nodes":[
  {"id":"quote","name":"Quote"},{"id":"vehicle","name":"Vehicle details"},{"id":"driver","name":"Driver details"},
  {"id":"coverage","name":"Choose coverage"},{"id":"documents","name":"Upload documents"},
  {"id":"payment","name":"Payment"},{"id":"confirm","name":"Confirmation"}]}'
expect 201 businessType=auto-policy platform=phone version=1 nodes#=7 created=true
STEP="1. publish the mobile flow"
call PUT "$B/v1/business-types/auto-policy/flows/mobile" '{"nodes":[
  {"id":"start","name":"Get a price"},{"id":"car","name":"Your car"},{"id":"person","name":"About you"},
  {"id":"plan","name":"Pick a plan"},{"id":"pay","name":"Pay"},{"id":"done","name":"Done"}]}'
expect 201 version=1 nodes#=6

STEP="2. map phone to mobile"
call PUT "$B/v1/business-types/auto-policy/mappings/phone/mobile" '{"links":[
  {"from":"quote","to":["start"]},{"from":"vehicle","to":["car"]},{"from":"driver","to":["person"]},
  {"from":"coverage","to":["plan"]},{"from":"payment","to":["pay"]},{"from":"confirm","to":["done"]}]}'
expect 201 version=1 baseFlowVersion=1 associatedFlowVersion=1 'lint.unmappedBase=["documents"]' \
  'lint.unmappedAssociated=[]' 'lint.crossings=[]' lint.crossingCount=0 lint.coverage.baseMapped=6 \
  lint.coverage.baseTotal=7 lint.coverage.basePercent=85.7 lint.coverage.associatedMapped=6
STEP="2. the mapping form"
call GET "$B/v1/business-types/auto-policy/mapping-form?base=phone&associated=mobile"
expect 200

STEP="3. handoff preview"
call POST "$B/v1/business-types/auto-policy/handoff-preview" \
  '{"from":"phone","to":"mobile","completed":["quote","vehicle","driver"]}'
expect 200 from=phone to=mobile mappingVersion=1 'completedOnSource=["quote","vehicle","driver"]' \
  carriedOver.0.node=start carriedOver.0.sources.0.node=quote carriedOver.1.node=car carriedOver.2.node=person \
  pending.0.id=plan pending.1.id=pay pending.2.id=done next.id=plan next.name=Pick\ a\ plan complete=false

STEP="4. the agent starts an order"
call POST "$B/v1/orders" '{"orderId":"A-1001","businessType":"auto-policy","platform":"phone",
  "terminalId":"agent-0042","data":{"applicant":"Zhang San"}}'
expect 201 orderId=A-1001 pending#=7 next.id=quote next.name=Quote version=1
STEP="4. the agent completes quote, vehicle, driver"
call POST "$B/v1/orders/A-1001/nodes/quote/complete" \
  '{"platform":"phone","terminalId":"agent-0042","data":{"premium":3200}}'
expect 200
call POST "$B/v1/orders/A-1001/nodes/vehicle/complete" \
  '{"platform":"phone","terminalId":"agent-0042","data":{"plate":"沪A12345"}}'
expect 200
call POST "$B/v1/orders/A-1001/nodes/driver/complete" \
  '{"platform":"phone","terminalId":"agent-0042","data":{"licence":"L-0011"}}'
expect 200

STEP="5. the app takes the order over"
call POST "$B/v1/orders/A-1001/handoffs" '{"toPlatform":"mobile","terminalId":"app-7f3a"}'
expect 200 orderId=A-1001 fromPlatform=phone toPlatform=mobile fromTerminal=agent-0042 terminalId=app-7f3a \
  'completedOnSource=["quote","vehicle","driver"]' carriedOver.0.node=start 'carriedOver.0.sources.0.data={"premium":3200}' \
  'carriedOver.1.sources.0.data={"plate":"沪A12345"}' 'carriedOver.2.sources.0.data={"licence":"L-0011"}' \
  pending#=3 next.id=plan complete=false mappingVersion=1
STEP="5. the agent's terminal no longer owns the order"
call POST "$B/v1/orders/A-1001/nodes/coverage/complete" '{"platform":"phone","terminalId":"agent-0042"}'
expect 409 type=urn:baton:problem:not-owner 'detail~Order A-1001 is owned by platform mobile, terminal ap***3a'
STEP="5. the app must do plan next"
call POST "$B/v1/orders/A-1001/nodes/pay/complete" '{"platform":"mobile","terminalId":"app-7f3a"}'
expect 409 type=urn:baton:problem:out-of-order 'detail=Node plan is the next node on mobile, not pay.'
STEP="5. the whole order"
call GET "$B/v1/orders/A-1001"
expect 200 orderId=A-1001
STEP="5. the agent's desktop is told of the takeover (order events)"
until_event order.handed-off A-1001
expect 200 orderId=A-1001 events#=5 events.0.type=order.started events.1.type=order.node-completed \
  events.1.state.nodeId=quote events.4.type=order.handed-off events.4.sequence=5 events.4.state.fromPlatform=phone \
  events.4.state.fromTerminal=agent-0042 events.4.state.toPlatform=mobile events.4.state.toTerminal=app-7f3a \
  nextCursor=null

STEP="6. a downstream pointed at the stand-in insurer"
call PUT "$B/v1/downstreams/insurer-a" '{"endpoint":"'"$INSURER"'/proposals","timeoutMs":5000,
  "codePointer":"/code","successCodes":["0000"],"messagePointer":"/msg","referencePointer":"/data/proposalNo",
  "retry":{"maxAttempts":5,"baseDelaySeconds":2,"maxDelaySeconds":30,"deadlineSeconds":3600}}'
expect 201 name=insurer-a version=1 created=true

STEP="6. sync while the insurer is busy"
call POST "$INSURER/mode" busy
call POST "$B/v1/orders/A-1001/sync" '{"downstream":"insurer-a"}'
expect 202 orderId=A-1001 status=ASYNC_PENDING nextAction=WAIT attempt=1 downstream=insurer-a \
  classification.category=TRANSIENT classification.ruleId=default.busy-message classification.source=DEFAULT \
  classification.kind=DOWNSTREAM_CODE classification.httpStatus=200 classification.code=\"9999\" \
  classification.message=系统繁忙，请稍后重试
KEY=$(field idempotencyKey)
STEP="6. the channel is told its sync went async (order events)"
until_event sync.went-async A-1001
expect 200 events#=6 events.5.type=sync.went-async events.5.sequence=2 events.5.state.nextAction=WAIT \
  events.5.state.category=TRANSIENT
STEP="6. what an operator sees"
call GET "$B/v1/orders?syncState=ASYNC_PENDING"
expect 200 orders#=1 orders.0.orderId=A-1001 orders.0.syncState=ASYNC_PENDING

STEP="6. the insurer recovers; the retry worker finishes the sync"
call POST "$INSURER/mode" up
until_status SYNCED POST "$B/v1/orders/A-1001/sync" '{"downstream":"insurer-a"}'
expect 200 status=SYNCED nextAction=CONTINUE "idempotencyKey=$KEY" reference~P1 nextAttemptAt=null
STEP="6. the channel is told the sync succeeded (order events)"
until_event sync.succeeded A-1001
expect 200 events#=7 events.5.type=sync.went-async events.5.stream=sync events.5.state.nextAction=WAIT \
  events.6.type=sync.succeeded events.6.state.syncState=SYNCED events.6.state.nextAction=CONTINUE
call GET "$B/v1/orders/A-1001/events?limit=2"
expect 200 events#=2 events.0.sequence=1 nextCursor~

STEP="6. the insurer refuses an order's data"
call POST "$INSURER/mode" invalid
call POST "$B/v1/orders" '{"orderId":"A-1002"}'
expect 201 orderId=A-1002
call POST "$B/v1/orders/A-1002/sync" '{"downstream":"insurer-a"}'
expect 422 orderId=A-1002 status=INVALID nextAction=FIX_DATA classification.category=INVALID_DATA \
  classification.ruleId=default.invalid-message classification.kind=HTTP_STATUS classification.httpStatus=400 \
  classification.code=E001 classification.message=证件号码格式错误

STEP="6. an underwriting rejection"
call POST "$INSURER/mode" reject
call POST "$B/v1/orders" '{"orderId":"A-1003"}'
expect 201
call POST "$B/v1/orders/A-1003/sync" '{"downstream":"insurer-a"}'
expect 200 orderId=A-1003 status=REJECTED nextAction=STOP classification.message=核保不通过：不符合投保条件

STEP="6. test a classification rule"
call POST "$B/v1/downstreams/insurer-a/classify" \
  '{"failure":{"kind":"HTTP_STATUS","httpStatus":429,"message":"Too Many Requests"}}'
expect 200 category=THROTTLED ruleId=default.throttled-status source=DEFAULT asyncProcessing=true nextAction=WAIT

STEP="7. a downstream that gives up after one attempt, while the insurer is down"
call PUT "$B/v1/downstreams/insurer-b" '{"endpoint":"'"$INSURER"'/proposals","timeoutMs":5000,
  "codePointer":"/code","successCodes":["0000"],"messagePointer":"/msg","referencePointer":"/data/proposalNo",
  "retry":{"maxAttempts":1,"baseDelaySeconds":1,"maxDelaySeconds":1,"deadlineSeconds":3600}}'
expect 201 name=insurer-b retry.maxAttempts=1
call POST "$INSURER/mode" down
call POST "$B/v1/orders" '{"orderId":"A-1004"}'
expect 201
call POST "$B/v1/orders/A-1004/sync" '{"downstream":"insurer-b"}'
expect 200 orderId=A-1004 status=DEAD attempt=1 classification.category=TRANSIENT \
  classification.ruleId=default.gateway-status classification.httpStatus=503
KEY=$(field idempotencyKey)
STEP="7. the operator's list of DEAD orders"
call GET "$B/v1/orders?syncState=DEAD"
expect 200 orders#=1 orders.0.orderId=A-1004 orders.0.syncState=DEAD
STEP="7. redrive once the insurer is up"
call POST "$INSURER/mode" up
call POST "$B/v1/orders/A-1004/redrive"
expect 202 orderId=A-1004 status=ASYNC_PENDING "idempotencyKey=$KEY"
until_status SYNCED POST "$B/v1/orders/A-1004/sync" '{"downstream":"insurer-b"}'
expect 200 status=SYNCED "idempotencyKey=$KEY" reference~P1

STEP="8. a downstream that probes unknown failures once"
call PUT "$B/v1/downstreams/insurer-c" '{"endpoint":"'"$INSURER"'/proposals","timeoutMs":5000,
  "codePointer":"/code","successCodes":["0000"],"messagePointer":"/msg","referencePointer":"/data/proposalNo",
  "retryByCategory":{"UNKNOWN":{"maxAttempts":1}}}'
expect 201 name=insurer-c retry.maxAttempts=30 retryByCategory.THROTTLED.maxAttempts=30 \
  retryByCategory.UNKNOWN.maxAttempts=1 retryByCategory.UNKNOWN.deadlineSeconds=900
STEP="8. an answer no rule knows"
call POST "$INSURER/mode" odd
call POST "$B/v1/orders" '{"orderId":"A-1005"}'
expect 201
call POST "$B/v1/orders/A-1005/sync" '{"downstream":"insurer-c"}'
expect 200 orderId=A-1005 status=NEEDS_REVIEW nextAction=CONTACT_SUPPORT attempt=1 reviewReason=ATTEMPTS_EXHAUSTED \
  classification.category=UNKNOWN classification.ruleId=fallback classification.code=ERR-917 \
  classification.message=处理结果待确认
KEY=$(field idempotencyKey)
STEP="8. the operator's list of orders that need review"
call GET "$B/v1/orders?syncState=NEEDS_REVIEW"
expect 200 orders#=1 orders.0.orderId=A-1005 orders.0.syncState=NEEDS_REVIEW \
  orders.0.reviewReason=ATTEMPTS_EXHAUSTED orders.0.lastClassification.category=UNKNOWN
STEP="8. redrive after a look"
call POST "$INSURER/mode" up
call POST "$B/v1/orders/A-1005/redrive"
expect 202 orderId=A-1005 status=ASYNC_PENDING "idempotencyKey=$KEY"
until_status SYNCED POST "$B/v1/orders/A-1005/sync" '{"downstream":"insurer-c"}'
expect 200 status=SYNCED "idempotencyKey=$KEY" reference~P1

echo "walkthrough: every answer matches the README ($B)"
