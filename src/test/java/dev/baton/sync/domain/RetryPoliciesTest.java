package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.order.domain.NodeData;

/** The retry policy per failure category: where each category leads, and how long each is tried. */
class RetryPoliciesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final NodeData BODY = new NodeData("{\"name\":\"Li Si\"}");
    private static final FixedRandom NO_JITTER = new FixedRandom(0);
    private static final FixedRandom FULL_JITTER = new FixedRandom(0.999_999_999);

    static Stream<Arguments> categories() {
        return Stream.of(
                Arguments.of(Category.TRANSIENT, SyncState.ASYNC_PENDING, SyncState.DEAD, NextAction.WAIT),
                Arguments.of(Category.THROTTLED, SyncState.ASYNC_PENDING, SyncState.DEAD, NextAction.WAIT),
                Arguments.of(Category.UNKNOWN, SyncState.ASYNC_PENDING, SyncState.NEEDS_REVIEW, NextAction.WAIT),
                Arguments.of(Category.INVALID_DATA, SyncState.INVALID, SyncState.INVALID, NextAction.FIX_DATA),
                Arguments.of(Category.REJECTED, SyncState.REJECTED, SyncState.REJECTED, NextAction.STOP));
    }

    @ParameterizedTest(name = "{0}: {1}, then {2}; caller told {3}")
    @MethodSource("categories")
    void eachCategory_leadsToItsState_andNamesTheCallersNextOperation(Category c, SyncState afterFailure,
                                                                     SyncState whenRunOut, NextAction next) {
        assertThat(c.afterFailure()).isEqualTo(afterFailure);
        assertThat(c.whenRetriesRunOut()).isEqualTo(whenRunOut);
        assertThat(c.nextAction()).isEqualTo(next);
        assertThat(c.asyncProcessing()).isEqualTo(RetryPolicies.DEFAULT.forCategory(c).isPresent());
    }

    @Test
    void stoppedStates_tellTheCallerToContactSupport() {
        assertThat(SyncState.DEAD.nextAction()).isEqualTo(NextAction.CONTACT_SUPPORT);
        assertThat(SyncState.NEEDS_REVIEW.nextAction()).isEqualTo(NextAction.CONTACT_SUPPORT);
    }

    @Test
    void defaults_keepTheLongBudgetForTransient_andProbeUnknownForMinutes() {
        RetryPolicies d = RetryPolicies.DEFAULT;
        assertThat(d.onTransient()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(d.onThrottled()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(d.onUnknown().maxAttempts()).isEqualTo(4);
        assertThat(d.onUnknown().deadline()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unknown_probedFourTimes_thenNeedsReview_becauseAttemptsAreExhausted() {
        OrderSync s = start();
        for (int attempt = 1; attempt < 4; attempt++) {
            s = s.failed(unknown(), "?", RetryPolicies.DEFAULT, s.changedAt().plusSeconds(1), FULL_JITTER);
            assertThat(s.state()).as("after probe %d", attempt).isEqualTo(SyncState.ASYNC_PENDING);
            s = s.claimRetry(attempt + 1, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt());
        }
        s = s.failed(unknown(), "?", RetryPolicies.DEFAULT, s.changedAt().plusSeconds(1), FULL_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(s.deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
        assertThat(s.lastFailure().category()).isEqualTo("UNKNOWN");
        assertThat(Duration.between(T0, s.changedAt())).as("all four probes within minutes")
                .isLessThan(Duration.ofMinutes(8));
    }

    @Test
    void unknown_pastItsDeadline_needsReview_becauseTheDeadlinePassed() {
        OrderSync s = start().failed(unknown(), "?", RetryPolicies.DEFAULT, T0.plus(Duration.ofMinutes(15)),
                NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(s.deadReason()).isEqualTo(DeadReason.DEADLINE_PASSED);
    }

    @Test
    void transient_keepsRetryingWhereUnknownWouldStop() {
        OrderSync s = start();
        for (int attempt = 1; attempt < 10; attempt++) {
            s = s.failed(classified(Category.TRANSIENT), "busy", RetryPolicies.DEFAULT, s.changedAt(), NO_JITTER);
            s = s.claimRetry(attempt + 1, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt());
        }
        assertThat(s.attempt()).isEqualTo(10);
        assertThat(s.failed(classified(Category.TRANSIENT), "busy", RetryPolicies.DEFAULT, s.changedAt(), NO_JITTER)
                .state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.failed(unknown(), "?", RetryPolicies.DEFAULT, s.changedAt(), NO_JITTER).state())
                .as("budgets count the whole sync: ten attempts are past UNKNOWN's four")
                .isEqualTo(SyncState.NEEDS_REVIEW);
    }

    @Test
    void transientRunningOut_isDead_notNeedsReview() {
        RetryPolicies one = RetryPolicies.of(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofHours(1)));
        OrderSync s = start().failed(classified(Category.TRANSIENT), "busy", one, T0, NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.DEAD);
        assertThat(s.deadReason()).isEqualTo(DeadReason.ATTEMPTS_EXHAUSTED);
    }

    @Test
    void throttled_honoursRetryAfter_aboveItsBackoff() {
        Classification throttled = new Classification(Category.THROTTLED, "r", RuleSource.DEFAULT,
                new Failure(FailureKind.HTTP_STATUS, 429, null, null, Duration.ofSeconds(120)));
        OrderSync s = start().failed(throttled, "slow down", RetryPolicies.DEFAULT, T0, NO_JITTER);
        assertThat(s.state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aDownstreamOverride_replacesOnlyItsCategorysPolicy() {
        RetryPolicy twice = new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5));
        RetryPolicies p = RetryPolicies.DEFAULT.with(Category.UNKNOWN, twice);
        assertThat(p.forCategory(Category.UNKNOWN)).contains(twice);
        assertThat(p.forCategory(Category.TRANSIENT)).contains(RetryPolicy.DEFAULT);
        OrderSync s = start().failed(unknown(), "?", p, T0, NO_JITTER);
        s = s.claimRetry(2, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt());
        assertThat(s.failed(unknown(), "?", p, s.changedAt(), NO_JITTER).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThatThrownBy(() -> p.with(Category.REJECTED, twice)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetSpentBeforeTheNextAttempt_followsTheLastFailuresCategory() {
        RetryPolicies fewer = RetryPolicies.of(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofHours(1))).with(Category.UNKNOWN, new RetryPolicy(1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofHours(1)));
        OrderSync unknownPending = start().failed(unknown(), "?", RetryPolicies.DEFAULT, T0, NO_JITTER);
        assertThat(unknownPending.allows(fewer, 2)).isFalse();
        assertThat(unknownPending.budgetSpent(T0).state()).isEqualTo(SyncState.NEEDS_REVIEW);
        OrderSync transientPending = start().failed(classified(Category.TRANSIENT), "busy", RetryPolicies.DEFAULT, T0,
                NO_JITTER);
        assertThat(transientPending.budgetSpent(T0).state()).isEqualTo(SyncState.DEAD);
    }

    @Test
    void aLostLease_isNotAnUnknownFailure_forTheBudget() {
        OrderSync s = start().failed(classified(Category.TRANSIENT), "busy", RetryPolicies.DEFAULT, T0, NO_JITTER);
        for (int next = 2; next <= 6; next++) {
            s = s.claimRetry(next, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt());
            s = s.failed(classified(Category.TRANSIENT), "busy", RetryPolicies.DEFAULT, s.changedAt(), NO_JITTER);
        }
        s = s.claimRetry(7, s.nextAttemptAt().plusSeconds(60), s.nextAttemptAt()).leaseExpired(s.nextAttemptAt()
                .plusSeconds(60));
        assertThat(s.lastFailure().category()).isEqualTo("UNKNOWN");
        assertThat(s.retryCategory()).isEqualTo(Category.TRANSIENT);
        assertThat(s.allows(RetryPolicies.DEFAULT, 7)).as("attempt 7 runs again under TRANSIENT's budget").isTrue();
    }

    @Test
    void redriveFromNeedsReview_startsAFreshBudget_withTheSameKey() {
        OrderSync review = start().failed(unknown(), "?", RetryPolicies.DEFAULT, T0.plus(Duration.ofMinutes(20)),
                NO_JITTER);
        OrderSync s = review.redriven(T0.plus(Duration.ofHours(1)));
        assertThat(s.state()).isEqualTo(SyncState.ASYNC_PENDING);
        assertThat(s.isDueFor(1)).isTrue();
        assertThat(s.deadReason()).isNull();
        assertThat(s.idempotencyKey()).isEqualTo("k-1");
        assertThat(s.redrives()).isEqualTo(1);
    }

    private static OrderSync start() {
        return OrderSync.never("o-1", T0).start("k-1", "ins", null, BODY, T0.plusSeconds(60), T0);
    }

    private static Classification unknown() {
        return classified(Category.UNKNOWN);
    }

    private static Classification classified(Category c) {
        return new Classification(c, "rule-1", RuleSource.DEFAULT, Failure.of(FailureKind.DOWNSTREAM_CODE));
    }
}
