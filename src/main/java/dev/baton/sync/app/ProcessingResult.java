package dev.baton.sync.app;

import java.time.Instant;

import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.NextAction;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * The answer to a sync call: the order's sync state, what the caller should do next, the classification
 * of the last failure, for async processing when the next attempt is due, and for {@code DEAD} and
 * {@code NEEDS_REVIEW} why ({@code deadReason}; the category is the classification's).
 *
 * @param note a sentence for the caller when the state alone does not tell what happened (else null)
 */
public record ProcessingResult(String orderId, SyncState status, NextAction nextAction, int attempt,
                               String downstream, String idempotencyKey, String reference, Instant nextAttemptAt,
                               LastFailure classification, DeadReason deadReason, String note) {

    /** The processing result describing {@code s}. */
    public static ProcessingResult of(OrderSync s) {
        return of(s, null);
    }

    /** The processing result describing {@code s}, with a note for the caller. */
    public static ProcessingResult of(OrderSync s, String note) {
        return new ProcessingResult(s.orderId(), s.state(), s.state().nextAction(), s.attempt(), s.downstream(),
                s.idempotencyKey(), s.reference(), s.nextAttemptAt(),
                s.state() == SyncState.SYNCED ? null : s.lastFailure(), s.deadReason(), note);
    }
}
