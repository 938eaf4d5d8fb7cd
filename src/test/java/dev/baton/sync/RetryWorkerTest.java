package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.NodeData;
import dev.baton.sync.domain.SyncState;
import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.sync.app.Connector;
import dev.baton.sync.app.DownstreamCache;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.SweepService;
import dev.baton.sync.app.SyncOperations;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.support.FakeInsurer;
import dev.baton.support.LocalBackendsResource;
import dev.baton.support.OrderRetryProfile;
import dev.baton.support.RetryQueueDriver;
import dev.baton.support.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Fault tests of async processing: the order-retry function fed from the real retry queue (ElasticMQ),
 * orders in DynamoDB Local, an insurer that is a real HTTP server (WireMock). Duplicate deliveries, crashes,
 * lost messages and outages are normal events here.
 */
@QuarkusTest
@TestProfile(OrderRetryProfile.class)
class RetryWorkerTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;
    @Inject
    SyncService sync;
    @Inject
    SyncStore syncStore;
    @Inject
    Connector connector;
    @Inject
    DownstreamService downstreams;
    @Inject
    SweepService sweeper;
    @Inject
    DownstreamCache cache;
    @Inject
    SyncOperations operations;

    private final RetryQueueDriver queue = new RetryQueueDriver();
    private final String downstream = "ins-" + UUID.randomUUID().toString().substring(0, 8);
    private final String path = "/proposals/" + downstream;

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
        TestTime.fixJitter(0); // every backoff is the 1 s minimum: messages arrive quickly and exactly
        queue.purge();
        downstreams.publish(new Downstream(downstream, 1, URI.create(insurer.baseUrl() + path),
                Duration.ofSeconds(2), Map.of(), Map.of(), "/code", Set.of("0000"), "/msg", "/no", new RetryPolicy(3,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1)), List.of()));
    }

    @AfterEach
    void tearDown() {
        TestTime.reset();
    }

    private void insurerIsDown() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"9999\",\"msg\":\"系统繁忙\"}")));
    }

    private void insurerIsUp() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"no\":\"P-1\"}")));
    }

    private String asyncOrder() {
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Li Si\"}"), "fp-" + id));
        assertThat(sync.sync(id, downstream, Optional.empty()).status()).isEqualTo(SyncState.ASYNC_PENDING);
        return id;
    }

    private OrderSync status(String id) {
        return syncStore.find(id).orElseThrow();
    }

    private List<LoggedRequest> calls(String orderId) {
        return insurer.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(orderId)).toList();
    }

    /** The next message for {@code orderId}; messages for other tests' orders (a sweep may send some) are dropped. */
    private Message nextMessageFor(String orderId) {
        for (int i = 0; i < 10; i++) {
            for (Message m : queue.receive(5)) {
                if (m.body().contains(orderId)) {
                    return m;
                }
                queue.lose(m);
            }
        }
        throw new AssertionError("no retry message arrived for " + orderId);
    }

    @Test
    void theSameMessageDeliveredThreeTimes_callsTheDownstreamOnce() {
        // given an order in async processing and its retry message
        insurerIsDown();
        String id = asyncOrder();
        Message message = nextMessageFor(id);
        insurerIsUp();
        // when SQS delivers it three times
        Map<String, Long> before = AwsCallCounter.snapshot();
        queue.deliver(List.of(RetryQueueDriver.message(message.body())));
        Map<String, Long> firstDelivery = AwsCallCounter.since(before);
        for (int i = 0; i < 2; i++) {
            queue.deliver(List.of(RetryQueueDriver.message(message.body())));
        }
        // then one retry reached the insurer: the first sync call plus one attempt
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCED);
        assertThat(calls(id)).hasSize(2);
        // and the attempt cost three DynamoDB calls: the read, the lease and the outcome
        assertThat(firstDelivery).containsExactlyInAnyOrderEntriesOf(Map.of("DynamoDb.GetItem", 1L,
                "DynamoDb.PutItem", 2L));
    }

    @Test
    void aCrashAfterTheDownstreamAnswered_endsSynced_withOneIdempotencyKey() {
        // given a worker that took the lease for attempt 2 and got the insurer's answer, then crashed
        insurerIsDown();
        String id = asyncOrder();
        queue.lose(nextMessageFor(id));
        insurerIsUp();
        OrderSync pending = status(id);
        OrderSync claimed = pending.claimRetry(2, TestTime.now().plusSeconds(55), TestTime.now());
        syncStore.claim(pending, claimed); // as the worker claims: still indexed as due when attempt 2 was
        Downstream settings = cache.latest(downstream).orElseThrow();
        assertThat(connector.submit(settings, claimed.idempotencyKey(), claimed.payload(), Duration.ofSeconds(2))
                .succeeded()).isTrue();
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCING);
        // when the lease expires and the sweeper runs
        TestTime.advance(Duration.ofMinutes(2));
        SweepService.Report report = sweeper.sweep();
        queue.deliver(List.of(nextMessageFor(id)));
        // then
        assertThat(report.expiredLeases()).isGreaterThanOrEqualTo(1);
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCED);
        assertThat(calls(id)).extracting(c -> c.getHeader("Idempotency-Key")).hasSize(3).containsOnly(
                status(id).idempotencyKey());
    }

    @Test
    void aRetryWhoseLeaseLives_isLeftAlone_byTheSweeper_thoughItWasDueLongAgo() {
        // given a worker that claimed attempt 2 under a long lease (its index entry keeps attempt 2's due time)
        insurerIsDown();
        String id = asyncOrder();
        queue.lose(nextMessageFor(id));
        OrderSync pending = status(id);
        OrderSync claimed = pending.claimRetry(2, TestTime.now().plus(Duration.ofMinutes(10)), TestTime.now());
        syncStore.claim(pending, claimed);
        // when the sweeper runs well past the grace of that due time, but inside the lease
        TestTime.advance(Duration.ofMinutes(3));
        sweeper.sweep();
        // then the running attempt is untouched
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCING);
        assertThat(status(id).version()).isEqualTo(claimed.version());
    }

    @Test
    void aLostMessage_isRecoveredByTheSweeper() {
        // given
        insurerIsDown();
        String id = asyncOrder();
        queue.lose(nextMessageFor(id));
        insurerIsUp();
        // when the retry is overdue and the sweeper runs
        TestTime.advance(Duration.ofMinutes(5));
        SweepService.Report report = sweeper.sweep();
        SweepService.Report again = sweeper.sweep();
        queue.deliver(List.of(nextMessageFor(id)));
        // then
        assertThat(report.lostMessages()).isGreaterThanOrEqualTo(1);
        assertThat(again.lostMessages()).isZero();
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void aDownstreamDownForAWhile_thenBack_leavesEveryOrderSynced() {
        // given a budget of 5 attempts (the outage below costs at most 3) and ten orders that met the outage
        downstreams.publish(new Downstream(downstream, 1, URI.create(insurer.baseUrl() + path),
                Duration.ofSeconds(2), Map.of(), Map.of(), "/code", Set.of("0000"), "/msg", "/no", new RetryPolicy(5,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1)), List.of()));
        cache.evict(downstream);
        insurerIsDown();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(asyncOrder());
        }
        // when the insurer recovers after the first retries failed too
        queue.drain(3, 2);
        insurerIsUp();
        queue.drain(4, 20);
        // then
        for (String id : ids) {
            OrderSync o = status(id);
            assertThat(o.state()).as(id).isEqualTo(SyncState.SYNCED);
            assertThat(o.attempt()).isLessThanOrEqualTo(5);
            assertThat(calls(id)).extracting(c -> c.getHeader("Idempotency-Key")).containsOnly(o.idempotencyKey());
        }
    }

    @Test
    void anAlwaysFailingDownstream_isDeadAfterExactlyMaxAttempts_andRedriveStartsAgain() {
        // given
        insurerIsDown();
        String id = asyncOrder();
        // when every retry fails
        queue.drain(4, 10);
        // then
        OrderSync dead = status(id);
        assertThat(dead.state()).isEqualTo(SyncState.DEAD);
        assertThat(dead.deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
        assertThat(calls(id)).hasSize(3);
        assertThat(dead.lastFailure().category()).isEqualTo("TRANSIENT");
        // when an operator redrives it after the insurer is fixed
        insurerIsUp();
        var redriven = operations.redrive(id);
        assertThat(redriven.classification()).as("the old classification is not current").isNull();
        assertThat(redriven.deadReason()).isNull();
        queue.drain(4, 5);
        // then
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCED);
        assertThat(calls(id)).hasSize(4);
    }

    @Test
    void aMessageDueBeyondSqsMaximumDelay_hopsOn_withoutTouchingTheOrder() {
        // given an order in async processing whose retry is due in 40 minutes (SQS delays at most 15)
        insurerIsDown();
        String id = asyncOrder();
        queue.lose(nextMessageFor(id));
        var sqs = LocalBackendsResource.backends().sqs();
        String url = LocalBackendsResource.backends().queueUrls().get("RetryQueue");
        // when it is delivered
        queue.deliver(List.of(RetryQueueDriver.message("{\"orderId\":\"" + id + "\",\"attempt\":2,\"dueAt\":\""
                + TestTime.now().plusSeconds(2400) + "\"}")));
        // then it was sent on with a delay, and the order was not attempted
        String delayed = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessagesDelayed")).attributesAsStrings().get("ApproximateNumberOfMessagesDelayed");
        assertThat(Integer.parseInt(delayed)).isGreaterThanOrEqualTo(1);
        assertThat(status(id).state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(status(id).attempt()).isEqualTo(1);
        assertThat(calls(id)).hasSize(1);
    }

    @Test
    void aPoisonMessage_isAcknowledged_andItsBatchMateIsProcessed() {
        // given
        insurerIsDown();
        String id = asyncOrder();
        Message good = nextMessageFor(id);
        insurerIsUp();
        // when
        var failed = queue.deliver(List.of(RetryQueueDriver.message("{not json"), RetryQueueDriver.message(
                "{\"orderId\":\"../../etc\",\"attempt\":2,\"dueAt\":\"x\"}"), good));
        // then
        assertThat(failed).isEmpty();
        assertThat(status(id).state()).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void aRecordThatFails_isReportedAlone_andItsBatchMateIsProcessed() {
        // given a healthy order in async processing, and an order whose item cannot be read (damaged data)
        insurerIsDown();
        String healthy = asyncOrder();
        Message good = nextMessageFor(healthy);
        insurerIsUp();
        String damaged = "o-" + UUID.randomUUID();
        LocalBackendsResource.backends().dynamo().putItem(b -> b.tableName(LocalBackendsResource.template()
                .tableName("OrdersTable")).item(Map.of("pk", AttributeValue.fromS("sync#" + damaged), "orderId",
                AttributeValue.fromS(damaged), "version", AttributeValue.fromN("3"), "syncState",
                AttributeValue.fromS("ASYNC_PENDING"), "syncAttempt", AttributeValue.fromN("1"))));
        Message bad = RetryQueueDriver.message("{\"orderId\":\"" + damaged + "\",\"attempt\":2,\"dueAt\":\""
                + TestTime.now() + "\"}");
        // when
        var failed = queue.deliver(List.of(bad, RetryQueueDriver.message(good.body())));
        // then only the damaged record is reported, so only it is delivered again
        assertThat(failed).containsExactly(bad.messageId());
        assertThat(status(healthy).state()).isEqualTo(SyncState.SYNCED);
    }
}
