package dev.baton.bench.recovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.baton.local.LocalBaton;
import dev.baton.sync.domain.RetryPolicy;

/**
 * The simulation checked against the real thing: a few orders through the local stack's real sync and retry
 * worker while the stand-in insurer is down, then up; the time until all are SYNCED (from each order's
 * {@code updatedAt}) and the insurer's call count, beside the simulation of the same run over 20 seeds.
 */
final class RecoveryCheck {

    /** 30 attempts, 1 s base, 8 s cap, 15 min: short enough for a run of a minute or two. */
    static final RetryPolicy POLICY = new RetryPolicy(30, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofMinutes(15));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final URI insurer;

    private RecoveryCheck(URI base, URI insurer) {
        this.base = base;
        this.insurer = insurer;
    }

    static String run(int orders, Duration outageAfterLast) throws Exception {
        try (LocalBaton stack = LocalBaton.start(new LocalBaton.Settings(0, 0, null,
                LocalBaton.unpack(Path.of("target/function.zip")), 3600, Optional.empty(), false))) {
            return new RecoveryCheck(stack.baseUri(), stack.insurerUri()).measure(orders, outageAfterLast);
        }
    }

    private String measure(int orders, Duration outageAfterLast) throws Exception {
        send("PUT", base.resolve("/v1/downstreams/bench-recovery"), """
                {"endpoint":"%s/proposals","timeoutMs":5000,"codePointer":"/code","successCodes":["0000"],
                "retry":{"maxAttempts":30,"baseDelaySeconds":1,"maxDelaySeconds":8,"deadlineSeconds":900}}"""
                .formatted(insurer));
        send("POST", insurer.resolve("/mode"), "down");
        long callsBefore = calls();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        List<String> ids = new ArrayList<>();
        Instant first = Instant.now();
        for (int i = 0; i < orders; i++) {
            String id = "recovery-" + run + "-" + i;
            ids.add(id);
            send("POST", base.resolve("/v1/orders"), "{\"orderId\":\"" + id + "\"}");
            int status = send("POST", base.resolve("/v1/orders/" + id + "/sync"), "{\"downstream\":\"bench-recovery\"}")
                    .statusCode();
            if (status != 202) {
                throw new IllegalStateException("sync while the insurer is down answered " + status);
            }
        }
        Duration arrivals = Duration.between(first, Instant.now());
        Thread.sleep(outageAfterLast.toMillis()); // the outage goes on: a benchmark, not a test
        send("POST", insurer.resolve("/mode"), "up");
        Instant recovered = Instant.now();
        long[] syncedAt = awaitSynced(ids, first);
        long realCalls = calls() - callsBefore;
        long realAll = Arrays.stream(syncedAt).max().orElse(0) - Duration.between(first, recovered).toMillis();
        return compare(orders, arrivals, Duration.between(first, recovered), realAll, realCalls);
    }

    private long[] awaitSynced(List<String> ids, Instant first) throws Exception {
        Map<String, Long> done = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (done.size() < ids.size() && System.nanoTime() < deadline) {
            for (String id : ids) {
                if (!done.containsKey(id)) {
                    String body = send("GET", base.resolve("/v1/orders/" + id), null).body();
                    if (body.contains("\"syncState\":\"SYNCED\"")) {
                        Instant at = Instant.parse(body.replaceAll("(?s).*\"updatedAt\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
                        done.put(id, Duration.between(first, at).toMillis());
                    }
                }
            }
            Thread.sleep(250);
        }
        if (done.size() < ids.size()) {
            throw new IllegalStateException((ids.size() - done.size()) + " orders not SYNCED within 5 minutes");
        }
        return done.values().stream().mapToLong(Long::longValue).toArray();
    }

    private static String compare(int orders, Duration arrivals, Duration recoverAt, long realAll, long realCalls) {
        long[] simAll = new long[20];
        long[] simCalls = new long[20];
        for (int seed = 0; seed < 20; seed++) {
            RecoverySimulation.Outcome o = RecoverySimulation.run(new RecoverySimulation.Scenario(orders, arrivals,
                    recoverAt, Integer.MAX_VALUE, POLICY, true, seed));
            simAll[seed] = o.lastSyncedAfterRecovery();
            simCalls[seed] = o.totalCalls();
        }
        Arrays.sort(simAll);
        Arrays.sort(simCalls);
        return String.format(Locale.ROOT, "Validation on the local stack: %d orders synced over %.1f s while the "
                        + "insurer was down, up %.1f s after the first; policy 30 attempts, 1 s base, 8 s cap.%n%n"
                        + "| | all SYNCED after recovery | insurer calls |%n| --- | --- | --- |%n"
                        + "| real run (local stack, real worker) | %s | %d |%n"
                        + "| simulation, 20 seeds: median (min–max) | %s (%s–%s) | %d (%d–%d) |%n",
                orders, arrivals.toMillis() / 1000.0, recoverAt.toMillis() / 1000.0,
                RecoveryBench.seconds(realAll), realCalls, RecoveryBench.seconds(simAll[10]),
                RecoveryBench.seconds(simAll[0]), RecoveryBench.seconds(simAll[19]), simCalls[10], simCalls[0],
                simCalls[19]);
    }

    private long calls() throws IOException, InterruptedException {
        String body = send("GET", insurer.resolve("/mode"), null).body();
        return Long.parseLong(body.replaceAll(".*\"calls\":(\\d+).*", "$1").strip());
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
