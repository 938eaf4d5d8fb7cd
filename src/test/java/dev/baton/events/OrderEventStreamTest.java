package dev.baton.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.local.EventReceiver;
import dev.baton.local.OrderEventStream;
import dev.baton.local.StreamCheckpoint;
import dev.baton.local.WebhookDelivery;
import dev.baton.order.domain.NodeData;
import dev.baton.support.Api;
import dev.baton.support.Definitions;
import dev.baton.support.HandoffProfile;
import dev.baton.support.LocalBackendsResource;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.RuleSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Order events against DynamoDB Local's real stream: requests go through the handoff function, sync states through
 * the sync store's conditional writes; {@link OrderEventStream} reads the stream and posts signed events to a
 * receiver. Proves one event per committed change, none for refused requests, per-order order, ids that expose
 * duplicates, and that a crash between commit and delivery loses nothing.
 */
@QuarkusTest
@TestProfile(HandoffProfile.class)
class OrderEventStreamTest {

    private static final String SECRET = "test-webhook-secret";

    @Inject
    FlowService flows;
    @Inject
    MappingService mappings;
    @Inject
    SyncStore syncs;

    private final String order = "ev-" + UUID.randomUUID();
    private Definitions defs;
    private EventReceiver receiver;
    private Path dataDir;

    @BeforeEach
    void setUp() throws Exception {
        defs = new Definitions(flows, mappings).flow("phone", "a", "b", "c").flow("mobile", "x", "y", "z")
                .mapping("phone", "mobile", "a>x", "b>y", "c>z");
        receiver = new EventReceiver(0, SECRET, Clock.systemUTC()).quiet();
        dataDir = Files.createTempDirectory("events-checkpoint");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void everyCommittedChange_isOneEvent_inOrder_andRefusedRequestsAreNone() throws Exception {
        // given an order's life: started, two nodes, a handoff, and three refused requests
        assertThat(post("/v1/orders", "{\"orderId\":\"" + order + "\",\"businessType\":\"" + defs.type()
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-1\",\"data\":{\"applicant\":\"Zhang San\"}}"))
                .isEqualTo(201);
        assertThat(complete("a", "phone", "agent-1")).isEqualTo(200);
        assertThat(complete("c", "phone", "agent-1")).isEqualTo(409);       // out of order: refused
        assertThat(complete("b", "phone", "agent-1")).isEqualTo(200);
        assertThat(post("/v1/orders/" + order + "/handoffs", "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-1\"}"))
                .isEqualTo(200);
        assertThat(complete("c", "phone", "agent-1")).isEqualTo(409);       // the old owner: refused
        assertThat(post("/v1/orders", "{\"orderId\":\"" + order + "\",\"businessType\":\"" + defs.type()
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-2\"}")).isEqualTo(409); // taken id: refused
        // and its sync: first attempt fails (went async), the retry succeeds
        syncGoesAsyncThenSucceeds();

        // when the stream is relayed
        try (OrderEventStream ignored = relay(StreamCheckpoint.in(null))) {
            awaitEvents(6);
        }

        // then exactly one event per committed change, in commit order per stream, none for the refusals
        List<JsonNode> mine = mine();
        assertThat(mine).extracting(e -> e.path("type").asText()).containsExactly("order.started",
                "order.node-completed", "order.node-completed", "order.handed-off", "sync.went-async",
                "sync.succeeded");
        assertThat(mine.stream().filter(stream("order"))).extracting(e -> e.path("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(mine).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
        JsonNode handoff = mine.get(3).path("state");
        assertThat(handoff.path("fromTerminal").asText()).isEqualTo("agent-1");
        assertThat(handoff.path("toTerminal").asText()).isEqualTo("app-1");
        assertThat(mine.toString()).doesNotContain("Zhang San", "secret-payload");
    }

    @Test
    void aCrashBetweenCommitAndDelivery_losesNoEvent_andRedeliveriesKeepTheirIds() throws Exception {
        // given committed changes while the webhook is down
        receiver.failing(true);
        assertThat(post("/v1/orders", "{\"orderId\":\"" + order + "\",\"businessType\":\"" + defs.type()
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-1\"}")).isEqualTo(201);
        assertThat(complete("a", "phone", "agent-1")).isEqualTo(200);
        // when the relay tries, fails, and the stack "crashes" (the relay stops; only its checkpoint file remains)
        try (OrderEventStream ignored = relay(StreamCheckpoint.in(dataDir))) {
            Thread.sleep(1_000);
        }
        assertThat(mine()).isEmpty();
        // and restarts from the checkpoint with the webhook back
        receiver.failing(false);
        try (OrderEventStream ignored = relay(StreamCheckpoint.in(dataDir))) {
            awaitEvents(2);
        }
        // then nothing is lost
        List<JsonNode> first = mine();
        assertThat(first).extracting(e -> e.path("type").asText()).containsExactly("order.started",
                "order.node-completed");

        // when a relay without the checkpoint reads the stream again (a crash after delivery, before the checkpoint)
        try (OrderEventStream ignored = relay(StreamCheckpoint.in(null))) {
            awaitEvents(4);
        }
        // then the redelivered events carry the same ids: a receiver drops them
        List<String> ids = mine().stream().map(e -> e.path("id").asText()).toList();
        assertThat(ids).hasSize(4);
        assertThat(ids.stream().distinct()).containsExactlyElementsOf(first.stream().map(e -> e.path("id").asText())
                .toList());
    }

    private void syncGoesAsyncThenSucceeds() {
        Instant now = Instant.now();
        OrderSync syncing = OrderSync.never(order, now).start("key-1", "insurer-a", defs.type(),
                new NodeData("{\"note\":\"secret-payload\"}"), now.plusSeconds(60), now);
        syncs.write(syncing);
        OrderSync pending = syncing.failed(new Classification(Category.TRANSIENT, "default.busy-message",
                RuleSource.DEFAULT, Failure.of(FailureKind.TIMEOUT)), "busy", RetryPolicies.of(new RetryPolicy(5,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(5))), now.plusSeconds(1), () -> 0L);
        syncs.write(pending);
        OrderSync retrying = pending.claimRetry(2, now.plusSeconds(90), now.plusSeconds(2));
        syncs.write(retrying);
        syncs.write(retrying.succeeded("P-1", now.plusSeconds(3)));
    }

    private OrderEventStream relay(StreamCheckpoint checkpoint) {
        WebhookDelivery delivery = new WebhookDelivery(List.of(URI.create("http://localhost:" + receiver.port()
                + "/events")), SECRET, Clock.systemUTC(), Duration.ofMillis(20));
        return OrderEventStream.start(LocalBackendsResource.backends(),
                LocalBackendsResource.template().tableName("OrdersTable"),
                LocalBackendsResource.template().tableName("EventsTable"), checkpoint, delivery, line -> { });
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mine().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // a surplus event would arrive now
    }

    private List<JsonNode> mine() {
        return receiver.received().stream().filter(e -> e.path("orderId").asText().equals(order)).toList();
    }

    private static Predicate<JsonNode> stream(String name) {
        return e -> e.path("stream").asText().equals(name);
    }

    private int complete(String node, String platform, String terminal) {
        return post("/v1/orders/" + order + "/nodes/" + node + "/complete", "{\"platform\":\"" + platform
                + "\",\"terminalId\":\"" + terminal + "\"}");
    }

    private static int post(String path, String body) {
        return Api.post(path, body).status();
    }
}
