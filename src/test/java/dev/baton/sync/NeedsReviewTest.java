package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
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
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderRetryProfile;
import dev.baton.support.RetryQueueDriver;
import dev.baton.support.TestTime;
import dev.baton.sync.app.DownstreamCache;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.ProcessingResult;
import dev.baton.sync.app.SyncOperations;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.NextAction;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code UNKNOWN} is not {@code TRANSIENT}: a failure no rule knows is probed a few times by the order-retry
 * function fed from the real retry queue (ElasticMQ), then waits for a human in {@code NEEDS_REVIEW}; orders in
 * DynamoDB Local, the insurer a real HTTP server (WireMock). The jitter is fixed at its minimum, so every probe is
 * due one second after the last and each message is taken from the queue and delivered explicitly.
 */
@QuarkusTest
@TestProfile(OrderRetryProfile.class)
class NeedsReviewTest {

    static WireMockServer insurer;

    @Inject
    OrderService orders;
    @Inject
    SyncService sync;
    @Inject
    SyncStore syncStore;
    @Inject
    DownstreamService downstreams;
    @Inject
    DownstreamCache cache;
    @Inject
    SyncOperations operations;

    private final RetryQueueDriver queue = new RetryQueueDriver();
    private final String downstream = "nr-" + UUID.randomUUID().toString().substring(0, 8);
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
        TestTime.fixJitter(0); // every backoff is the 1 s minimum: each probe's message arrives a second later
        queue.purge();
        publish(RetryPolicies.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        TestTime.reset();
    }

    private void publish(RetryPolicies retries) {
        downstreams.publish(new Downstream(downstream, 1, URI.create(insurer.baseUrl() + path), Duration.ofSeconds(2),
                Map.of(), Map.of(), "/code", Set.of("0000"), "/msg", "/no", retries, List.of()));
        cache.evict(downstream);
    }

    /** An answer no default rule knows ("system exception" under an unknown code): {@code UNKNOWN}. */
    private void insurerAnswersSomethingUnknown() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"E777\",\"msg\":\"系统异常\"}")));
    }

    private void insurerIsUp() {
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"no\":\"P-1\"}")));
    }

    private String unknownOrder() {
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"name\":\"Zhao Liu\"}"), "fp-" + id));
        ProcessingResult first = sync.sync(id, downstream, Optional.empty());
        assertThat(first.status()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(first.nextAction()).isEqualTo(NextAction.WAIT);
        assertThat(first.classification().category()).isEqualTo(Category.UNKNOWN.name());
        return id;
    }

    /** Takes the retry messages of {@code orderId} one by one and delivers each, {@code probes} times. */
    private void probe(String orderId, int probes) {
        for (int i = 0; i < probes; i++) {
            queue.deliver(List.of(nextMessageFor(orderId)));
        }
    }

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

    private OrderSync status(String id) {
        return syncStore.find(id).orElseThrow();
    }

    private List<LoggedRequest> calls(String orderId) {
        return insurer.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(orderId)).toList();
    }

    @Test
    void anUnknownFailure_isProbedFourTimes_thenNeedsReview_notDead() {
        // given an order whose insurer answers something no rule knows
        insurerAnswersSomethingUnknown();
        String id = unknownOrder();
        // when the retry worker runs the three probes after the first attempt
        probe(id, 3);
        // then it waits for a human, saying why, after four calls with one key
        OrderSync review = status(id);
        assertThat(review.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(review.attempt()).isEqualTo(4);
        assertThat(review.deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
        assertThat(review.lastFailure().category()).isEqualTo("UNKNOWN");
        assertThat(calls(id)).extracting(c -> c.getHeader("Idempotency-Key")).hasSize(4)
                .containsOnly(review.idempotencyKey());
        // and operators see it, and a caller syncing again is told to contact support without a call
        assertThat(operations.list(java.util.List.of(SyncState.NEEDS_REVIEW), 100, null).orders())
                .anySatisfy(s -> assertThat(s.orderId()).isEqualTo(id));
        ProcessingResult again = sync.sync(id, downstream, Optional.empty());
        assertThat(again.status()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(again.nextAction()).isEqualTo(NextAction.CONTACT_SUPPORT);
        assertThat(calls(id)).hasSize(4);
    }

    @Test
    void theLastProbeDeliveredTwice_transitionsOnce() {
        // given an order at its last probe, and the state a second worker would have read for it
        insurerAnswersSomethingUnknown();
        String id = unknownOrder();
        probe(id, 2);
        Message last = nextMessageFor(id);
        OrderSync readBySecondWorker = status(id);
        assertThat(readBySecondWorker.isDueFor(4)).isTrue();
        // when SQS delivers the last probe twice
        queue.deliver(List.of(last));
        OrderSync afterFirst = status(id);
        queue.deliver(List.of(RetryQueueDriver.message(last.body())));
        // then the second delivery changed nothing and called no one
        assertThat(afterFirst.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(status(id)).isEqualTo(afterFirst);
        assertThat(calls(id)).hasSize(4);
        // and a worker that read the order before the first delivery cannot claim it: the write is conditional
        OrderSync lateClaim = readBySecondWorker.claimRetry(4, TestTime.now().plusSeconds(60), TestTime.now());
        assertThatThrownBy(() -> syncStore.write(lateClaim)).isInstanceOf(SyncStore.StaleSyncException.class);
        assertThat(status(id)).isEqualTo(afterFirst);
    }

    @Test
    void anOperatorRedrivesANeedsReviewOrder_andItSyncs_withTheSameKey() {
        // given an order waiting for review
        insurerAnswersSomethingUnknown();
        String id = unknownOrder();
        probe(id, 3);
        assertThat(status(id).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        // when the insurer is fixed and an operator redrives it
        insurerIsUp();
        ProcessingResult redriven = operations.redrive(id);
        assertThat(redriven.status()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(redriven.deadReason()).isNull();
        probe(id, 1);
        // then
        OrderSync synced = status(id);
        assertThat(synced.state()).isEqualTo(SyncState.SYNCED);
        assertThat(synced.redrives()).isEqualTo(1);
        assertThat(calls(id)).extracting(c -> c.getHeader("Idempotency-Key")).hasSize(5)
                .containsOnly(synced.idempotencyKey());
    }

    @Test
    void aDownstreamsOverride_setsHowOftenUnknownIsProbed() {
        // given a downstream that probes unknown failures twice in all
        publish(RetryPolicies.DEFAULT.with(Category.UNKNOWN, new RetryPolicy(2, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(5))));
        insurerAnswersSomethingUnknown();
        String id = unknownOrder();
        // when
        probe(id, 1);
        // then
        assertThat(status(id).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(calls(id)).hasSize(2);
    }

    @Test
    void settingsTightenedBeforeAProbe_endInNeedsReview_withoutACall() {
        // given an order in its probes, and then fewer probes allowed
        insurerAnswersSomethingUnknown();
        String id = unknownOrder();
        Message next = nextMessageFor(id);
        publish(RetryPolicies.DEFAULT.with(Category.UNKNOWN, new RetryPolicy(1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(5))));
        // when the probe's message arrives
        queue.deliver(List.of(next));
        // then
        assertThat(status(id).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(status(id).deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
        assertThat(calls(id)).hasSize(1);
    }
}
