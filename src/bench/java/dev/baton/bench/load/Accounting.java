package dev.baton.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts what each operation costs, one operation at a time (concurrency 1), so every counted call belongs to
 * the operation being measured: start, node completion, handoff, successful sync, sync answered
 * {@code ASYNC_PENDING}, and the retry worker's attempt that then succeeds.
 */
final class Accounting {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Scenarios scenarios;
    private final CallLog log;
    private final int samples;
    private final Latencies latencies = new Latencies();

    Accounting(Scenarios scenarios, CallLog log, int samples) {
        this.scenarios = scenarios;
        this.log = log;
        this.samples = samples;
    }

    Latencies latencies() {
        return latencies;
    }

    List<OpCost> run() throws IOException, InterruptedException {
        Api api = scenarios.api();
        List<OpCost> costs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        warmRetryWorker();
        Map<String, CallLog.Tally> before = mark();
        for (int i = 0; i < samples; i++) {
            String id = scenarios.newOrderId();
            ids.add(id);
            scenarios.create(latencies, id, 0);
        }
        costs.add(cost("order start", "handoff", samples, before, 0));
        before = mark();
        for (String node : Scenarios.PHONE_DONE) {
            for (String id : ids) {
                scenarios.complete(latencies, id, node, 0);
            }
        }
        costs.add(cost("node complete", "handoff", samples * 3L, before, 0));
        before = mark();
        for (String id : ids) {
            scenarios.handoff(latencies, id, 0);
        }
        costs.add(cost("handoff", "handoff", samples, before, 0));
        costs.add(syncCost(ids, "sync → SYNCED", 200));
        costs.addAll(asyncAndRetry());
        return costs;
    }

    /** Syncs the orders with the insurer up. */
    private OpCost syncCost(List<String> ids, String op, int status) throws IOException, InterruptedException {
        Map<String, CallLog.Tally> before = mark();
        long insurerBefore = scenarios.api().insurerCalls();
        for (String id : ids) {
            scenarios.sync(latencies, op, id, Scenarios.RETRY_DOWNSTREAM, status);
        }
        long downstream = scenarios.api().insurerCalls() - insurerBefore;
        return cost(op, "order-sync", ids.size(), before, downstream / (double) ids.size());
    }

    /**
     * The insurer is busy for the sync (202, retry due in one second), then up: the retry worker's next attempt
     * succeeds. Attempts are counted at the insurer, so a retry that came while it was still busy counts too.
     */
    private List<OpCost> asyncAndRetry() throws IOException, InterruptedException {
        Api api = scenarios.api();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String id = scenarios.newOrderId();
            ids.add(id);
            api.send("POST", "/v1/orders", "{\"orderId\":\"" + id + "\"}");
        }
        api.insurerMode("busy");
        long insurerBefore = api.insurerCalls();
        Map<String, CallLog.Tally> before = mark();
        for (String id : ids) {
            scenarios.sync(latencies, "sync → ASYNC_PENDING", id, Scenarios.RETRY_DOWNSTREAM, 202);
        }
        api.insurerMode("up");
        OpCost async = cost("sync → ASYNC_PENDING", "order-sync", samples, before, 1);
        awaitSynced(ids);
        log.awaitQuiet(QUIET, MAX_WAIT);
        long attempts = api.insurerCalls() - insurerBefore - samples;
        OpCost retry = OpCost.of("retry attempt", "order-retry", Math.max(1, attempts), log.since(before), 1,
                latencies.p50Millis("sync → SYNCED"));
        return List.of(async, retry);
    }

    /** One uncounted async cycle, so the retry worker has loaded the downstream's settings (cached 60 s). */
    private void warmRetryWorker() throws IOException, InterruptedException {
        Api api = scenarios.api();
        String id = scenarios.newOrderId();
        api.send("POST", "/v1/orders", "{\"orderId\":\"" + id + "\"}");
        api.insurerMode("busy");
        scenarios.sync(new Latencies(), "warm-up", id, Scenarios.RETRY_DOWNSTREAM, 202);
        api.insurerMode("up");
        awaitSynced(List.of(id));
    }

    private void awaitSynced(List<String> ids) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            while (!"SYNCED".equals(scenarios.syncState(id))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("an order was not SYNCED within 60 s of the insurer's recovery");
                }
                Thread.sleep(100);
            }
        }
    }

    private Map<String, CallLog.Tally> mark() throws InterruptedException {
        log.awaitQuiet(QUIET, MAX_WAIT);
        return log.snapshot();
    }

    private OpCost cost(String op, String function, long n, Map<String, CallLog.Tally> before, double downstream)
            throws InterruptedException {
        log.awaitQuiet(QUIET, MAX_WAIT);
        return OpCost.of(op, function, n, log.since(before), downstream, latencies.p50Millis(op));
    }
}
