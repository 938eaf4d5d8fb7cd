package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.order.domain.NodeData;

/** Every transition of the sync state machine, from every state: allowed ones and what they produce, refused ones. */
class OrderSyncTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final NodeData BODY = new NodeData("{\"name\":\"Li Si\"}");
    private static final RetryPolicies POLICY = RetryPolicies.of(new RetryPolicy(3, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofMinutes(10)));
    /** Always the smallest jitter: backoffs are exactly one second. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private static OrderSync never() {
        return OrderSync.never("o-1", T0);
    }

    private static OrderSync syncing() {
        return never().start("k-1", "ins", "auto-policy", BODY, T0.plusSeconds(60), T0);
    }

    private static OrderSync pending() {
        return syncing().failed(classified(Category.TRANSIENT), "busy", POLICY, T0.plusSeconds(1), NO_JITTER);
    }

    private static OrderSync dead() {
        return pending().dead(DeadReason.ATTEMPTS_EXHAUSTED, T0.plusSeconds(5));
    }

    private static OrderSync needsReview() {
        RetryPolicies oneProbe = POLICY.with(Category.UNKNOWN, new RetryPolicy(1, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMinutes(10)));
        return syncing().failed(classified(Category.UNKNOWN), "?", oneProbe, T0.plusSeconds(1), NO_JITTER);
    }

    private static Classification classified(Category category) {
        return new Classification(category, "rule-1", RuleSource.DEFAULT, Failure.of(FailureKind.HTTP_STATUS));
    }

    /** One representative state per sync state. */
    private static final Map<SyncState, OrderSync> STATES = Map.of(
            SyncState.NOT_SYNCED, never(),
            SyncState.SYNCING, syncing(),
            SyncState.ASYNC_PENDING, pending(),
            SyncState.SYNCED, syncing().succeeded("P-1", T0.plusSeconds(1)),
            SyncState.INVALID, syncing().failed(classified(Category.INVALID_DATA), "bad id", POLICY, T0, NO_JITTER),
            SyncState.REJECTED, syncing().failed(classified(Category.REJECTED), "declined", POLICY, T0, NO_JITTER),
            SyncState.DEAD, dead(),
            SyncState.NEEDS_REVIEW, needsReview());

    static Stream<Arguments> transitions() {
        Map<String, Function<OrderSync, OrderSync>> all = Map.of(
                "start", s -> s.start("k-2", "ins", null, BODY, T0.plusSeconds(90), T0.plusSeconds(30)),
                "claimRetry", s -> s.claimRetry(s.attempt() + 1, T0.plusSeconds(90), T0.plusSeconds(30)),
                "succeeded", s -> s.succeeded("P-2", T0.plusSeconds(30)),
                "failed", s -> s.failed(classified(Category.TRANSIENT), "busy", POLICY, T0.plusSeconds(30), NO_JITTER),
                "leaseExpired", s -> s.leaseExpired(T0.plusSeconds(120)),
                "resend", s -> s.resend(T0.plusSeconds(120)),
                "dead", s -> s.dead(DeadReason.SETTINGS_MISSING, T0.plusSeconds(30)),
                "redriven", s -> s.redriven(T0.plusSeconds(30)),
                "budgetSpent", s -> s.budgetSpent(T0.plusSeconds(30)),
                "released", s -> s.released(classified(Category.REJECTED), "no", T0.plusSeconds(30)));
        Map<String, EnumSet<SyncState>> allowedFrom = Map.of(
                "start", EnumSet.of(SyncState.NOT_SYNCED, SyncState.INVALID, SyncState.REJECTED),
                "claimRetry", EnumSet.of(SyncState.ASYNC_PENDING),
                "succeeded", EnumSet.of(SyncState.SYNCING),
                "failed", EnumSet.of(SyncState.SYNCING),
                "leaseExpired", EnumSet.of(SyncState.SYNCING),
                "resend", EnumSet.of(SyncState.ASYNC_PENDING),
                "dead", EnumSet.of(SyncState.SYNCING, SyncState.ASYNC_PENDING),
                "redriven", EnumSet.of(SyncState.DEAD, SyncState.NEEDS_REVIEW),
                "budgetSpent", EnumSet.of(SyncState.ASYNC_PENDING),
                "released", EnumSet.of(SyncState.NEEDS_REVIEW));
        return all.entrySet().stream().flatMap(t -> STATES.keySet().stream().map(from -> Arguments.of(t.getKey(),
                from, allowedFrom.get(t.getKey()).contains(from), t.getValue())));
    }

    @ParameterizedTest(name = "{0} from {1}: allowed={2}")
    @MethodSource("transitions")
    void eachTransition_isAllowedExactlyFromItsStates_andMovesTheVersionOnByOne(String name, SyncState from,
                                                                               boolean allowed,
                                                                               Function<OrderSync, OrderSync> t) {
        OrderSync before = STATES.get(from);
        if (allowed) {
            OrderSync after = t.apply(before);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.orderId()).isEqualTo(before.orderId());
        } else {
            assertThatThrownBy(() -> t.apply(before)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void start_recordsEverythingAnAttemptNeeds_beforeTheDownstreamIsCalled() {
        OrderSync s = syncing();
        assertThat(s.state()).isEqualTo(SyncState.SYNCING);
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(s.payload()).isEqualTo(BODY);
        assertThat(s.idempotencyKey()).isEqualTo("k-1");
        assertThat(s.downstream()).isEqualTo("ins");
        assertThat(s.leaseUntil()).isEqualTo(T0.plusSeconds(60));
    }

    @ParameterizedTest
    @EnumSource(value = Category.class, names = {"TRANSIENT", "THROTTLED", "UNKNOWN"})
    void anAsyncProcessingFeature_schedulesTheNextAttempt_withTheSameKey(Category category) {
        OrderSync s = syncing().failed(classified(category), "m", POLICY, T0.plusSeconds(1), NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.nextAttemptAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(s.idempotencyKey()).isEqualTo("k-1");
        assertThat(s.lastFailure().ruleId()).isEqualTo("rule-1");
    }

    @Test
    void theLastAllowedAttempt_failing_isDead_becauseAttemptsAreExhausted() {
        OrderSync s = pending().claimRetry(2, T0.plusSeconds(60), T0.plusSeconds(2));
        s = s.failed(classified(Category.TRANSIENT), "m", POLICY, T0.plusSeconds(3), NO_JITTER);
        s = s.claimRetry(3, T0.plusSeconds(60), T0.plusSeconds(4));
        s = s.failed(classified(Category.TRANSIENT), "m", POLICY, T0.plusSeconds(5), NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.DEAD);
        assertThat(s.deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
    }

    @Test
    void aRetryThatWouldStartAfterTheDeadline_isDead_becauseTheDeadlinePassed() {
        OrderSync s = syncing().failed(classified(Category.TRANSIENT), "m", POLICY, T0.plus(Duration.ofMinutes(10)),
                NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.DEAD);
        assertThat(s.deadReason()).isEqualTo(DeadReason.DEADLINE_PASSED);
    }

    @Test
    void anExpiredLease_runsTheSameAttemptAgain_withoutSpendingTheBudget_andIsRecorded() {
        OrderSync s = syncing().leaseExpired(T0.plusSeconds(60));
        assertThat(s.state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.isDueFor(1)).as("attempt 1 runs again").isTrue();
        assertThat(s.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(s.lostLeases()).isEqualTo(1);
        assertThat(s.lastFailure().ruleId()).isEqualTo(LastFailure.LEASE_EXPIRED_RULE);
        assertThat(s.payload()).isEqualTo(BODY);
    }

    @Test
    void theSweeperRecoversOnlyWhatIsStillDue() {
        assertThat(syncing().needsRecovery(SyncState.SYNCING, T0.plusSeconds(60))).isTrue();
        assertThat(syncing().needsRecovery(SyncState.SYNCING, T0.plusSeconds(59))).as("lease runs").isFalse();
        assertThat(pending().needsRecovery(SyncState.ASYNC_PENDING, T0.plusSeconds(2))).isTrue();
        assertThat(pending().needsRecovery(SyncState.ASYNC_PENDING, T0.plusSeconds(1))).as("not due yet").isFalse();
        assertThat(pending().needsRecovery(SyncState.SYNCING, T0.plusSeconds(60))).as("other state").isFalse();
    }

    @Test
    void aLeaseStillRunning_cannotBeTakenBack() {
        assertThatThrownBy(() -> syncing().leaseExpired(T0.plusSeconds(59))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOrderThatKeepsKillingItsWorkers_isDeadAfterMaxLostLeases_notLoopingForever() {
        OrderSync s = syncing();
        for (int lost = 1; lost < OrderSync.MAX_LOST_LEASES; lost++) {
            s = s.leaseExpired(s.leaseUntil());
            s = s.claimRetry(1, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt());
        }
        s = s.leaseExpired(s.leaseUntil());
        assertThat(s.state()).isEqualTo(SyncState.DEAD);
        assertThat(s.deadReason()).isEqualTo(DeadReason.LEASES_LOST);
    }

    @Test
    void redrive_startsAFreshBudget_keepsKeyAndPayload_andDropsTheStaleClassification() {
        OrderSync s = dead().redriven(T0.plusSeconds(100));
        assertThat(s.state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.isDueFor(1)).isTrue();
        assertThat(s.firstAttemptAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(s.lastFailure()).isNull();
        assertThat(s.deadReason()).isNull();
        assertThat(s.redrives()).isEqualTo(1);
        assertThat(s.idempotencyKey()).isEqualTo("k-1");
        assertThat(s.payload()).isEqualTo(BODY);
    }

    @Test
    void claimRetry_ofAStaleAttemptNumber_isRefused() {
        assertThatThrownBy(() -> pending().claimRetry(3, T0.plusSeconds(60), T0)).isInstanceOf(
                IllegalStateException.class);
    }

    @Test
    void statesThatCannotExist_cannotBeConstructed() {
        assertThatThrownBy(() -> new OrderSync("o", SyncState.SYNCING, 1, "k", "d", null, BODY, T0, null, null, 0,
                null, null, null, 0, T0, 1)).as("SYNCING without a lease").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OrderSync("o", SyncState.ASYNC_PENDING, 1, "k", "d", null, null, T0, T0, null,
                0, null, null, null, 0, T0, 1)).as("no payload to retry with").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OrderSync("o", SyncState.DEAD, 1, "k", "d", null, BODY, T0, null, null, 0,
                null, null, null, 0, T0, 1)).as("DEAD without a reason").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OrderSync("o", SyncState.NEEDS_REVIEW, 1, "k", "d", null, BODY, T0, null, null, 0,
                null, null, DeadReason.ATTEMPTS_EXHAUSTED, 0, T0, 1)).as("NEEDS_REVIEW without its classification")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OrderSync("o", SyncState.INVALID, 1, "k", "d", null, BODY, T0, null, null, 0,
                null, null, null, 0, T0, 1)).as("INVALID without its classification")
                .isInstanceOf(IllegalStateException.class);
    }
}
