package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.support.LocalBackendsResource;
import dev.baton.sync.app.SyncStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Priming at start-up (issue 16) against DynamoDB Local: it runs, it only reads — no PutItem, UpdateItem,
 * DeleteItem, batch write or SendMessage — and it is idempotent. {@link PrimingWithStoresDownTest} shows that
 * an unreachable AWS does not stop the start.
 */
@QuarkusTest
@TestProfile(PrimingTest.OrderSyncPrimed.class)
class PrimingTest {

    /** The order-sync function with priming on. */
    public static class OrderSyncPrimed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "order-sync", "baton.prime", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalBackendsResource.class));
        }
    }

    @Inject
    Priming priming;
    @Inject
    SyncStore syncs;

    @Test
    void startUpPrimes_withReadsOnly_andOnce() {
        // given the function started (and primed)
        assertThat(priming.primed()).isTrue();
        // when a priming runs again from scratch, as the checkpoint hook would in a JVM that started without it
        Map<String, Long> before = AwsCallCounter.snapshot();
        Priming fresh = new Priming(Optional.of("order-sync"), true, syncs);
        fresh.prime();
        fresh.prime();
        Map<String, Long> calls = AwsCallCounter.since(before);
        // then it read the listing's 16 shards once through the real dispatch, and wrote nothing
        assertThat(calls).containsEntry("DynamoDb.Query", 16L);
        assertThat(calls.keySet()).noneMatch(op -> op.matches(".*(Put|Update|Delete|Write|Send).*"));
    }

    @Test
    void eachFunctionsPrimingEvent_isARead() {
        assertThat(Priming.event("handoff")).contains("\"GET /v1/orders/{id}\"");
        assertThat(Priming.event("mapping-config")).contains("\"GET /v1/business-types/{type}/flows\"");
        assertThat(Priming.event("order-sync")).contains("\"GET /v1/orders\"", "syncState=DEAD");
        assertThat(Priming.event("order-retry")).contains("1970-01-01T00:00:00Z"); // due: handled now, not re-queued
        assertThat(Priming.event("order-events")).isNull();
        assertThat(Priming.event("order-sweep")).isNull();
    }
}
