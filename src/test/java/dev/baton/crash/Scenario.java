package dev.baton.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.baton.local.LocalInsurer;

/**
 * One crash scenario: a stack of its own (own data directory), downstream {@code ins} published at the recording
 * insurer, and a few orders; plus the one check every scenario ends with.
 */
final class Scenario implements AutoCloseable {

    /** How long recovery may take after the restart; generous for a loaded 2-core machine. */
    static final Duration RECOVERY = Duration.ofSeconds(Long.getLong("baton.crash.recovery-seconds", 120));
    static final Duration CRASH_LIMIT = Duration.ofSeconds(60);
    static final String DOWNSTREAM = "ins";

    final StackProcess stack;
    final BatonClient baton;
    final List<String> orders;
    private final LocalInsurer insurer;

    private Scenario(StackProcess stack, LocalInsurer insurer, List<String> orders) {
        this.stack = stack;
        this.baton = new BatonClient(stack.baseUri());
        this.insurer = insurer;
        this.orders = orders;
    }

    /**
     * Starts a stack armed at {@code crashAt} (null: none), publishes the downstream ({@code timeoutMs},
     * {@code attempts}) and creates {@code count} orders named after the scenario.
     */
    static Scenario start(String name, String crashAt, LocalInsurer insurer, int timeoutMs, int attempts,
                          int count) throws Exception {
        StackProcess stack = new StackProcess(name).start(crashAt);
        Scenario scenario = new Scenario(stack, insurer, IntStream.range(0, count)
                .mapToObj(i -> name.replace('.', '-') + "-" + i).toList());
        scenario.baton.downstream(DOWNSTREAM, proposals(insurer), timeoutMs, attempts);
        for (String id : scenario.orders) {
            scenario.baton.createOrder(id);
        }
        return scenario;
    }

    static URI proposals(LocalInsurer insurer) {
        return URI.create("http://localhost:" + insurer.port() + "/proposals");
    }

    /** Asks for every order's sync at once, not waiting for answers (the stack may die first). */
    void syncAllInBackground() {
        orders.forEach(id -> baton.syncInBackground(id, DOWNSTREAM));
    }

    /** Syncs the orders one after the other, waiting for each answer. */
    void syncEach() throws Exception {
        for (String id : orders) {
            baton.sync(id, DOWNSTREAM);
        }
    }

    /**
     * Every order ends SYNCED with exactly one key accepted at the insurer. {@code clientRetries}: the callers,
     * whose sync requests died with the stack, ask again first, as a client does after a failed request.
     */
    void assertEveryOrderSyncedOnce(boolean clientRetries) throws Exception {
        if (clientRetries) {
            syncEach();
        }
        Map<String, String> states = baton.awaitFinal(orders, RECOVERY);
        assertThat(states).as("sync state per order").allSatisfy((id, state) -> assertThat(state)
                .isEqualTo("SYNCED"));
        assertThat(orders).allSatisfy(id -> assertThat(insurer.ledger().acceptedKeys(id))
                .as("idempotency keys accepted for " + id).hasSize(1));
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
