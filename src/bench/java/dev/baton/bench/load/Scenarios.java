package dev.baton.bench.load;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the harness does to Baton: the README's car-insurance flows (phone, 7 steps; mobile, 6 steps), a phone →
 * mobile mapping, and two downstreams on the stand-in insurer — {@code bench-retry} retries after exactly one
 * second, {@code bench-hold} waits ten minutes (so the async load phase schedules retries that do not fire
 * during the run).
 */
final class Scenarios {

    static final String TYPE = "auto-policy";
    static final List<String> PHONE_DONE = List.of("quote", "vehicle", "driver");
    static final String RETRY_DOWNSTREAM = "bench-retry";
    static final String HOLD_DOWNSTREAM = "bench-hold";

    private final Api api;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong sequence = new AtomicLong();

    Scenarios(Api api) {
        this.api = api;
    }

    Api api() {
        return api;
    }

    /** Publishes the flows, the mapping and the downstreams (idempotent: republishing is a no-op). */
    void setUp() throws IOException, InterruptedException {
        Api.expect(api.send("PUT", "/v1/business-types/" + TYPE + "/flows/phone", """
                {"nodes":[{"id":"quote","name":"Quote"},{"id":"vehicle","name":"Vehicle details"},
                {"id":"driver","name":"Driver details"},{"id":"coverage","name":"Choose coverage"},
                {"id":"documents","name":"Upload documents"},{"id":"payment","name":"Payment"},
                {"id":"confirm","name":"Confirmation"}]}"""), 200, 201);
        Api.expect(api.send("PUT", "/v1/business-types/" + TYPE + "/flows/mobile", """
                {"nodes":[{"id":"start","name":"Get a price"},{"id":"car","name":"Your car"},
                {"id":"person","name":"About you"},{"id":"plan","name":"Pick a plan"},{"id":"pay","name":"Pay"},
                {"id":"done","name":"Done"}]}"""), 200, 201);
        Api.expect(api.send("PUT", "/v1/business-types/" + TYPE + "/mappings/phone/mobile", """
                {"links":[{"from":"quote","to":["start"]},{"from":"vehicle","to":["car"]},
                {"from":"driver","to":["person"]},{"from":"coverage","to":["plan"]},{"from":"payment","to":["pay"]},
                {"from":"confirm","to":["done"]}]}"""), 200, 201);
        downstream(RETRY_DOWNSTREAM, 1);
        downstream(HOLD_DOWNSTREAM, 600);
    }

    private void downstream(String name, int delaySeconds) throws IOException, InterruptedException {
        Api.expect(api.send("PUT", "/v1/downstreams/" + name, """
                {"endpoint":"%s/proposals","timeoutMs":5000,"codePointer":"/code","successCodes":["0000"],
                "messagePointer":"/msg","referencePointer":"/data/proposalNo",
                "retry":{"maxAttempts":10,"baseDelaySeconds":%d,"maxDelaySeconds":%d,"deadlineSeconds":3600}}"""
                .formatted(api.insurer(), delaySeconds, delaySeconds)), 200, 201);
    }

    /** A fresh order id (no customer data in it). */
    String newOrderId() {
        return "bench-" + run + "-" + sequence.incrementAndGet();
    }

    /** Starts an order on the phone with agent {@code worker}. */
    void create(Latencies into, String id, int worker) throws IOException, InterruptedException {
        api.timed(into, "order start", 201, "POST", "/v1/orders", """
                {"orderId":"%s","businessType":"%s","platform":"phone","terminalId":"agent-%d",
                "data":{"channel":"phone"}}""".formatted(id, TYPE, worker));
    }

    /** Completes {@code node} on the phone. */
    void complete(Latencies into, String id, String node, int worker) throws IOException, InterruptedException {
        api.timed(into, "node complete", 200, "POST", "/v1/orders/" + id + "/nodes/" + node + "/complete", """
                {"platform":"phone","terminalId":"agent-%d","data":{"step":"%s","amount":3200}}"""
                .formatted(worker, node));
    }

    /** The app takes the order over. */
    void handoff(Latencies into, String id, int worker) throws IOException, InterruptedException {
        api.timed(into, "handoff", 200, "POST", "/v1/orders/" + id + "/handoffs",
                "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-" + worker + "\"}");
    }

    /** One handoff journey: start on the phone, three steps, the app takes over. */
    void journey(Latencies into, int worker) throws IOException, InterruptedException {
        String id = newOrderId();
        create(into, id, worker);
        for (String node : PHONE_DONE) {
            complete(into, id, node, worker);
        }
        handoff(into, id, worker);
    }

    /** Syncs {@code id} to {@code downstream}, expecting {@code status} (200 SYNCED, 202 ASYNC_PENDING). */
    Api.Answer sync(Latencies into, String op, String id, String downstream, int status)
            throws IOException, InterruptedException {
        return api.timed(into, op, status, "POST", "/v1/orders/" + id + "/sync",
                "{\"downstream\":\"" + downstream + "\"}");
    }

    /** Starts a bare order (as a sync-only client does) and syncs it. */
    void startAndSync(Latencies into, String op, String downstream, int status, int worker)
            throws IOException, InterruptedException {
        String id = newOrderId();
        create(into, id, worker);
        sync(into, op, id, downstream, status);
    }

    /** The order's sync state, e.g. {@code SYNCED}. */
    String syncState(String id) throws IOException, InterruptedException {
        String body = api.send("GET", "/v1/orders/" + id, null).body();
        return body.replaceAll("(?s).*\"syncState\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
    }
}
