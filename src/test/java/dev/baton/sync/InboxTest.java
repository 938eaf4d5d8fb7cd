package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.NodeData;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderRetryProfile;
import dev.baton.support.RetryQueueDriver;
import dev.baton.support.TestTime;
import dev.baton.sync.app.DownstreamCache;
import dev.baton.sync.app.DownstreamService;
import dev.baton.sync.app.FailureInbox;
import dev.baton.sync.app.InboxGroup;
import dev.baton.sync.app.InboxService;
import dev.baton.sync.app.SyncOperations;
import dev.baton.sync.app.SyncService;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.Rule;
import dev.baton.sync.domain.RuleCondition;
import dev.baton.sync.domain.RuleDryRun;
import dev.baton.sync.domain.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The operators' inbox against DynamoDB Local (orders and the inbox table), ElasticMQ (the retry queue) and a
 * WireMock insurer: failures no rule decides are grouped by masked template, a candidate rule is dry-run over the
 * groups, and publishing it releases the group's {@code NEEDS_REVIEW} orders through {@link OrderSync#released},
 * once, conditionally, leaving orders that are not waiting for review alone.
 */
@QuarkusTest
@TestProfile(OrderRetryProfile.class)
class InboxTest {

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
    @Inject
    InboxService inbox;
    @Inject
    FailureInbox groups;

    private final RetryQueueDriver queue = new RetryQueueDriver();
    private final String downstream = "ib-" + UUID.randomUUID().toString().substring(0, 8);
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
        TestTime.fixJitter(0);
        queue.purge();
        publish(1);
    }

    @AfterEach
    void tearDown() {
        TestTime.reset();
    }

    /** A downstream that probes unknown failures {@code unknownAttempts} times in all. */
    private void publish(int unknownAttempts) {
        downstreams.publish(new Downstream(downstream, 1, URI.create(insurer.baseUrl() + path), Duration.ofSeconds(2),
                Map.of(), Map.of(), "/code", Set.of("0000"), "/msg", "/no", RetryPolicies.DEFAULT.with(Category.UNKNOWN,
                new RetryPolicy(unknownAttempts, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5))),
                List.of()));
        cache.evict(downstream);
    }

    /**
     * The insurer answers the stand-in insurer's "odd" answer for {@code orderId} — its result is pending — with a
     * serial and an ID. A pending outcome is never final (the model once read "流水号 …" as a refusal at 0.73).
     */
    private void insurerAnswersOddly(String orderId, String serial) {
        insurer.stubFor(post(urlEqualTo(path)).withRequestBody(containing(orderId)).willReturn(aResponse().withStatus(200).withBody("{\"code\":\"ERR-917\",\"msg\":"
                + "\"处理结果待确认 流水号" + serial + " 11010519491231002X\"}")));
    }

    private void insurerIsUp() {
        insurer.stubFor(post(urlEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"0000\",\"no\":\"P-1\"}")));
    }

    private String oddOrder(String serial) {
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{\"order\":\"" + id + "\"}"), "fp-" + id));
        insurerAnswersOddly(id, serial);
        assertThat(sync.sync(id, downstream, Optional.empty()).classification().category()).isEqualTo("UNKNOWN");
        return id;
    }

    private InboxGroup onlyGroup() {
        List<InboxGroup> all = inbox.list(downstream, 50).groups();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Rule rule(String id, Category category) {
        return new Rule(id, new RuleCondition(Set.of(), Set.of(), Set.of("ERR-917"), List.of("处理结果待确认"), null),
                category);
    }

    private OrderSync status(String id) {
        return syncStore.find(id).orElseThrow();
    }

    @Test
    void failuresThatDifferOnlyInNumbers_areOneGroup_withoutPersonalData() {
        // when two orders fail the same way with different serial numbers
        String a = oddOrder("20261202000001");
        String b = oddOrder("20261202999999");
        // then both wait for review and are counted in one group, whose template keeps no number
        assertThat(status(a).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        InboxGroup g = onlyGroup();
        assertThat(g.count()).isEqualTo(2);
        assertThat(g.template().kind()).isEqualTo(FailureKind.DOWNSTREAM_CODE);
        assertThat(g.template().code()).isEqualTo("ERR-917");
        assertThat(g.template().text()).contains("处理结果待确认").doesNotContain("2026", "11010519491231002", "999");
        assertThat(g.category()).isEqualTo("UNKNOWN");
        assertThat(g.source()).isEqualTo("FALLBACK");
        // examples are sampled into a few slots chosen by the order id's hash: two orders share one in 1 case of 5
        assertThat(g.examples()).isNotEmpty().isSubsetOf(a, b).doesNotHaveDuplicates();
        assertThat(g.firstSeen()).isBeforeOrEqualTo(g.lastSeen());
    }

    @Test
    void aRuleKnownFailure_andASuccess_areNotRecorded() {
        // given a busy insurer (a default rule knows it), then a working one
        String id = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{}"), "fp-" + id));
        insurer.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}")));
        sync.sync(id, downstream, Optional.empty());
        insurerIsUp();
        String ok = "o-" + UUID.randomUUID();
        orders.start(new OrderService.Start(Optional.of(ok), Optional.empty(), Optional.empty(), Optional.empty(),
                new NodeData("{}"), "fp-" + ok));
        sync.sync(ok, downstream, Optional.empty());
        // then the inbox is empty
        assertThat(inbox.list(downstream, 50).groups()).isEmpty();
    }

    @Test
    void aDryRun_reportsWhatTheCandidateWouldReclassify_andWritesNothing() {
        // given a group of two failures
        oddOrder("1001");
        oddOrder("1002");
        // when a matching and a non-matching candidate are dry-run
        InboxService.DryRun matching = inbox.dryRun(downstream, rule("pending", Category.TRANSIENT));
        InboxService.DryRun other = inbox.dryRun(downstream, new Rule("other", new RuleCondition(Set.of(), Set.of(),
                Set.of("NOPE"), List.of(), null), Category.REJECTED));
        // then
        assertThat(matching.result().reclassified()).isEqualTo(2);
        assertThat(matching.result().transitions()).containsExactly(new RuleDryRun.Transition(Category.UNKNOWN,
                Category.TRANSIENT, 2, 1));
        assertThat(matching.result().changed()).singleElement().satisfies(c -> {
            assertThat(c.group().id()).isEqualTo(onlyGroup().id());
            assertThat(c.after().ruleId()).isEqualTo("pending");
        });
        assertThat(other.result().reclassified()).isZero();
        assertThat(other.result().failures()).isEqualTo(2);
        assertThat(downstreams.get(downstream).value().rules()).isEmpty();
    }

    @Test
    void publishingATransientRule_releasesTheGroupToAsyncProcessing_once_andTheOrdersSync() {
        // given two orders waiting for review
        String a = oddOrder("1");
        String b = oddOrder("2");
        String group = onlyGroup().id();
        // when an admin publishes a rule from the group and releases it
        InboxService.RulePublished p = inbox.publish(downstream, group, rule("pending", Category.TRANSIENT), true);
        // then the rule is the downstream's, and both orders are due again with their keys
        assertThat(p.publication().created()).isTrue();
        assertThat(p.matchesGroup()).isTrue();
        assertThat(p.release().count(InboxService.Outcome.RELEASED)).isEqualTo(2);
        assertThat(status(a).state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(status(a).redrives()).isEqualTo(1);
        // and doing it again publishes nothing and releases nothing
        InboxService.RulePublished again = inbox.publish(downstream, group, rule("pending", Category.TRANSIENT), true);
        assertThat(again.publication().created()).isFalse();
        assertThat(again.release().count(InboxService.Outcome.RELEASED)).isZero();
        assertThat(again.release().orders()).extracting(InboxService.ReleasedOrder::outcome)
                .containsOnly(InboxService.Outcome.NOT_NEEDS_REVIEW);
        assertThat(status(a).redrives()).isEqualTo(1);
        // and when the insurer works, the retry worker syncs them
        insurerIsUp();
        deliverFor(Set.of(a, b));
        assertThat(status(a).state()).isEqualTo(SyncState.SYNCED);
        assertThat(status(b).state()).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void publishingARejectingRule_endsTheGroupRejected_namingTheRule() {
        String a = oddOrder("1");
        String group = onlyGroup().id();
        InboxService.RulePublished p = inbox.publish(downstream, group, rule("pending-is-no", Category.REJECTED), true);
        assertThat(p.release().orders()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(InboxService.Outcome.RELEASED);
            assertThat(o.state()).isEqualTo(SyncState.REJECTED);
        });
        OrderSync rejected = status(a);
        assertThat(rejected.state()).isEqualTo(SyncState.REJECTED);
        assertThat(rejected.lastFailure().ruleId()).isEqualTo("pending-is-no");
        assertThat(rejected.lastFailure().source()).isEqualTo("DOWNSTREAM");
    }

    @Test
    void aReleaseWithoutARule_leavesTheOrdersWaiting() {
        String a = oddOrder("1");
        InboxService.Release r = inbox.release(downstream, onlyGroup().id(), null);
        assertThat(r.orders()).extracting(InboxService.ReleasedOrder::outcome)
                .containsExactly(InboxService.Outcome.STILL_UNKNOWN);
        assertThat(status(a).state()).isEqualTo(SyncState.NEEDS_REVIEW);
    }

    @Test
    void anOrderChangedMeanwhile_isSkipped_andNothingIsWritten() {
        // given an order read by a release, then redriven by another operator
        String a = oddOrder("1");
        String group = onlyGroup().id();
        downstreams.publishRule(downstream, rule("pending", Category.REJECTED));
        OrderSync read = status(a);
        operations.redrive(a);
        OrderSync redriven = status(a);
        // when the release writes from what it read
        InboxService.ReleasedOrder o = inbox.releaseOrder(read, downstreams.get(downstream).value(), group,
                TestTime.now());
        // then
        assertThat(o.outcome()).isEqualTo(InboxService.Outcome.CHANGED_MEANWHILE);
        assertThat(status(a)).isEqualTo(redriven);
    }

    @Test
    void aGroupWithOrdersStillProbed_releasesOnlyThoseWaitingForReview() {
        // given one order waiting for review, and then (more probes allowed) one still being probed
        String waiting = oddOrder("1");
        publish(4);
        String probed = oddOrder("2");
        assertThat(status(probed).state()).isEqualTo(SyncState.ASYNC_PENDING);
        OrderSync before = status(probed);
        // when
        InboxService.RulePublished p = inbox.publish(downstream, onlyGroup().id(), rule("pending",
                Category.REJECTED), true);
        // then
        assertThat(p.release().orders()).extracting(InboxService.ReleasedOrder::orderId,
                InboxService.ReleasedOrder::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(waiting, InboxService.Outcome.RELEASED),
                org.assertj.core.groups.Tuple.tuple(probed, InboxService.Outcome.NOT_NEEDS_REVIEW));
        assertThat(status(waiting).state()).isEqualTo(SyncState.REJECTED);
        assertThat(status(probed)).isEqualTo(before);
    }

    /** Delivers the retry messages of {@code orderIds} as they arrive (others are dropped), one each. */
    private void deliverFor(Set<String> orderIds) {
        Set<String> pending = new java.util.HashSet<>(orderIds);
        for (int i = 0; i < 10 && !pending.isEmpty(); i++) {
            for (Message m : queue.receive(5)) {
                String id = pending.stream().filter(m.body()::contains).findFirst().orElse(null);
                if (id == null) {
                    queue.lose(m);
                } else {
                    queue.deliver(List.of(m));
                    pending.remove(id);
                }
            }
        }
        assertThat(pending).as("orders whose retry message never arrived").isEmpty();
    }
}
