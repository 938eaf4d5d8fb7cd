package dev.baton.events.domain;

import static dev.baton.events.domain.Changes.T0;
import static dev.baton.events.domain.Changes.failed;
import static dev.baton.events.domain.Changes.syncing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/** Which committed change of a sync item is which event: outcomes once each, leases never. */
class SyncChangesTest {

    @Test
    void leaseTaken_isNoEvent() {
        assertThat(SyncChanges.between(OrderSync.never("A-1", T0), syncing("A-1"))).isEmpty();
        assertThat(SyncChanges.between(null, syncing("A-1"))).isEmpty();
    }

    @Test
    void firstAttemptSucceeded_isSyncSucceeded_withContinue() {
        OrderSync before = syncing("A-1");
        OrderSync after = before.succeeded("P100001", T0.plusSeconds(1));

        OrderEvent event = SyncChanges.between(before, after).orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.SYNC_SUCCEEDED);
        assertThat(event.stream()).isEqualTo(OrderEvent.Stream.SYNC);
        assertThat(event.sequence()).isEqualTo(after.version());
        assertThat(event.state()).containsEntry("syncState", "SYNCED").containsEntry("nextAction", "CONTINUE")
                .doesNotContainKey("reference");
    }

    @Test
    void firstAttemptFailedTransiently_wentAsync_butALaterFailedRetryIsNoNewsToTheChannel() {
        OrderSync first = syncing("A-1");
        OrderSync pending = failed(first, Category.TRANSIENT);
        OrderSync retrying = pending.claimRetry(2, pending.changedAt().plusSeconds(60), pending.changedAt());
        OrderSync stillPending = failed(retrying, Category.TRANSIENT);

        OrderEvent wentAsync = SyncChanges.between(first, pending).orElseThrow();

        assertThat(wentAsync.type()).isEqualTo(EventType.SYNC_WENT_ASYNC);
        assertThat(wentAsync.state()).containsEntry("nextAction", "WAIT").containsEntry("category", "TRANSIENT")
                .containsKey("nextAttemptAt");
        assertThat(SyncChanges.between(pending, retrying)).isEmpty();
        assertThat(stillPending.state().name()).isIn("ASYNC_PENDING", "DEAD");
    }

    @Test
    void successAfterARetry_doesNotRepeatTheEarlierFailuresClassification() {
        OrderSync pending = failed(syncing("A-1"), Category.TRANSIENT);
        OrderSync retrying = pending.claimRetry(2, pending.changedAt().plusSeconds(60), pending.changedAt());

        OrderEvent event = SyncChanges.between(retrying, retrying.succeeded("P1", retrying.changedAt())).orElseThrow();

        assertThat(event.state()).containsEntry("attempt", 2).doesNotContainKeys("category", "ruleId");
    }

    @Test
    void invalidAndRejected_areTheirOwnEvents() {
        OrderSync first = syncing("A-1");
        assertThat(type(first, failed(first, Category.INVALID_DATA))).contains(EventType.SYNC_INVALID);
        assertThat(type(first, failed(first, Category.REJECTED))).contains(EventType.SYNC_REJECTED);
    }

    @Test
    void deadThenRedriven_areTwoEvents_andDeadSaysWhy() {
        OrderSync pending = failed(syncing("A-1"), Category.TRANSIENT);
        OrderSync dead = pending.dead(DeadReason.DEADLINE_PASSED, pending.changedAt().plusSeconds(1));
        OrderSync redriven = dead.redriven(dead.changedAt().plusSeconds(1));

        OrderEvent deadEvent = SyncChanges.between(pending, dead).orElseThrow();

        assertThat(deadEvent.type()).isEqualTo(EventType.SYNC_DEAD);
        assertThat(deadEvent.state()).containsEntry("deadReason", "DEADLINE_PASSED")
                .containsEntry("nextAction", "CONTACT_SUPPORT");
        assertThat(type(dead, redriven)).contains(EventType.SYNC_REDRIVEN);
    }

    @Test
    void anUnknownFailureOutOfProbes_needsReview_saysWhy_andCanBeRedriven() {
        OrderSync pending = failed(syncing("A-1"), Category.UNKNOWN);
        OrderSync retrying = pending.claimRetry(2, pending.changedAt().plusSeconds(60), pending.changedAt());
        OrderSync review = failed(retrying, Category.UNKNOWN);

        OrderEvent event = SyncChanges.between(retrying, review).orElseThrow();

        assertThat(review.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(event.type()).isEqualTo(EventType.SYNC_NEEDS_REVIEW);
        assertThat(event.state()).containsEntry("reviewReason", "ATTEMPTS_EXHAUSTED")
                .containsEntry("category", "UNKNOWN").containsEntry("nextAction", "CONTACT_SUPPORT")
                .doesNotContainKey("deadReason");
        assertThat(type(review, review.redriven(review.changedAt().plusSeconds(1))))
                .contains(EventType.SYNC_REDRIVEN);
    }

    private static Optional<EventType> type(OrderSync before, OrderSync after) {
        return SyncChanges.between(before, after).map(OrderEvent::type);
    }
}
