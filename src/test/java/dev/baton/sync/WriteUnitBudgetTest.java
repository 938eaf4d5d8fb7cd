package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.order.app.OrderService;
import dev.baton.order.app.ProgressService;
import dev.baton.order.domain.NodeData;
import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.support.Definitions;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderRetryProfile;
import dev.baton.support.TestTime;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.RetryWorker;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Write-unit budgets (issue 16), counted by DynamoDB Local's {@code ReturnConsumedCapacity=INDEXES} through
 * {@link AwsCallCounter}: counts, not times. An order after a handoff (its collected data carried into the sync
 * payload) syncs for at most 5 write units, a retry attempt costs at most 5 whether it succeeds or fails again,
 * and a handoff stays one read and one write with no index write.
 */
@QuarkusTest
@TestProfile(OrderRetryProfile.class)
class WriteUnitBudgetTest {

    static WireMockServer insurer;

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    OrderService orders;
    @Inject
    ProgressService progress;
    @Inject
    SyncService sync;
    @Inject
    RetryWorker worker;
    @Inject
    DownstreamService downstreams;

    private final String downstream = "wru-" + UUID.randomUUID().toString().substring(0, 8);
    private final String path = "/proposals/" + downstream;
    private Definitions defs;

    @BeforeAll
    static void startInsurer() {
        insurer = FakeInsurer.start();
    }

    @AfterAll
    static void stopInsurer() {
        insurer.stop();
    }

    @BeforeEach
    void setUp() {
        TestTime.fixJitter(0);
        downstreams.publish(new Downstream(downstream, 1, URI.create(insurer.baseUrl() + path), Duration.ofSeconds(2),
                Map.of(), Map.of(), "/code", Set.of("0000"), "/msg", "/no", new RetryPolicy(5, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofHours(1)), List.of()));
        defs = new Definitions(flows, mappings).flow("phone", "quote", "vehicle", "driver", "pay")
                .flow("mobile", "start", "car", "person", "payment")
                .mapping("phone", "mobile", "quote>start", "vehicle>car", "driver>person", "pay>payment");
        insurerIsUp();
        // warm: the downstream settings are cached, as in a warm function
        assertThat(sync.sync(handedOffOrder(), downstream, Optional.empty()).status()).isEqualTo(SyncState.SYNCED);
    }

    @AfterEach
    void tearDown() {
        TestTime.reset();
    }

    private void insurerIsUp() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"no\":\"P-1\"}")));
    }

    private void insurerIsBusy() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"9999\",\"msg\":\"系统繁忙\"}")));
    }

    /** An order a phone agent started and took three steps on, then handed to the app (as in the README). */
    private String handedOffOrder() {
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.of(defs.type()), Optional.of("phone"),
                Optional.of("agent-0042"), new NodeData("{\"applicant\":\"Zhang San\"}"), "fp-" + id));
        progress.complete(id, "quote", "phone", "agent-0042", new NodeData("{\"premium\":3200}"));
        progress.complete(id, "vehicle", "phone", "agent-0042", new NodeData("{\"plate\":\"沪A12345\"}"));
        progress.complete(id, "driver", "phone", "agent-0042", new NodeData("{\"licence\":\"L-0011\"}"));
        progress.handoff(id, "mobile", "app-7f3a");
        return id;
    }

    /** What {@code action} cost: calls by operation, and {@code DynamoDb.write}/{@code DynamoDb.index} units. */
    private static Map<String, Double> cost(Runnable action) {
        Map<String, Long> calls = AwsCallCounter.snapshot();
        Map<String, double[]> units = AwsCallCounter.capacitySnapshot();
        System.setProperty(AwsCallCounter.CAPACITY_PROPERTY, "true");
        try {
            action.run();
        } finally {
            System.clearProperty(AwsCallCounter.CAPACITY_PROPERTY);
        }
        Map<String, Double> cost = new TreeMap<>();
        AwsCallCounter.since(calls).forEach((op, n) -> cost.put(op, n.doubleValue()));
        AwsCallCounter.capacitySnapshot().forEach((op, u) -> {
            double[] was = units.getOrDefault(op, new double[3]);
            cost.merge("DynamoDb.read", u[0] - was[0], Double::sum);
            cost.merge("DynamoDb.write", u[1] - was[1], Double::sum);
            cost.merge("DynamoDb.index", u[2] - was[2], Double::sum);
        });
        System.out.println("units " + cost);
        return cost;
    }

    @Test
    void aSuccessfulSyncOfAHandedOffOrder_costsAtMostFiveWriteUnits() {
        // given
        String id = handedOffOrder();
        // when
        Map<String, Double> cost = cost(() -> assertThat(sync.sync(id, downstream, Optional.empty()).status())
                .isEqualTo(SyncState.SYNCED));
        // then: the claim enters the due index, the outcome leaves it; nothing is listed
        assertThat(cost).containsEntry("DynamoDb.GetItem", 2.0).containsEntry("DynamoDb.PutItem", 2.0);
        assertThat(cost.get("DynamoDb.write")).isLessThanOrEqualTo(5.0);
        assertThat(cost.get("DynamoDb.index")).isLessThanOrEqualTo(2.0);
    }

    @Test
    void aRetryAttemptThatSucceeds_costsAtMostFiveWriteUnits() {
        // given an order after a handoff in async processing, and the insurer back
        String id = handedOffOrder();
        insurerIsBusy();
        assertThat(sync.sync(id, downstream, Optional.empty()).status()).isEqualTo(SyncState.ASYNC_PENDING);
        insurerIsUp();
        // when the worker runs attempt 2
        Map<String, Double> cost = cost(() -> assertThat(worker.handle(new RetryWorker.RetryMessage(id, 2,
                Instant.now()))).isEqualTo(RetryWorker.Handled.ATTEMPTED));
        // then: the claim keeps its index entries (no index write), the outcome leaves both indexes
        assertThat(cost).containsEntry("DynamoDb.GetItem", 1.0).containsEntry("DynamoDb.PutItem", 2.0);
        assertThat(cost.get("DynamoDb.write")).isLessThanOrEqualTo(5.0);
        assertThat(cost.get("DynamoDb.index")).isLessThanOrEqualTo(2.0);
    }

    @Test
    void aRetryAttemptThatFailsAgain_costsAtMostFiveWriteUnits() {
        // given an order after a handoff in async processing, and the insurer still busy
        String id = handedOffOrder();
        insurerIsBusy();
        assertThat(sync.sync(id, downstream, Optional.empty()).status()).isEqualTo(SyncState.ASYNC_PENDING);
        // when the worker runs attempt 2
        Map<String, Double> cost = cost(() -> assertThat(worker.handle(new RetryWorker.RetryMessage(id, 2,
                Instant.now()))).isEqualTo(RetryWorker.Handled.ATTEMPTED));
        // then: the listing entry stays as it is; only the due entry moves to the next attempt's time
        assertThat(cost).containsEntry("DynamoDb.GetItem", 1.0).containsEntry("DynamoDb.PutItem", 2.0)
                .containsEntry("Sqs.SendMessage", 1.0);
        assertThat(cost.get("DynamoDb.write")).isLessThanOrEqualTo(5.0);
        assertThat(cost.get("DynamoDb.index")).isLessThanOrEqualTo(2.0);
    }

    @Test
    void aHandoff_isStillOneReadAndOneWrite_withoutIndexWrites() {
        // given an order a phone agent worked on (setUp handed another one off: the definitions are warm)
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.of(defs.type()), Optional.of("phone"),
                Optional.of("agent-1"), NodeData.EMPTY, "fp-" + id));
        progress.complete(id, "quote", "phone", "agent-1", new NodeData("{\"premium\":3200}"));
        // when the app takes it over
        Map<String, Double> cost = cost(() -> progress.handoff(id, "mobile", "app-1"));
        // then
        assertThat(cost).containsEntry("DynamoDb.GetItem", 1.0).containsEntry("DynamoDb.PutItem", 1.0)
                .containsEntry("DynamoDb.index", 0.0);
    }
}
