package dev.baton.sync.app;

import java.time.Instant;

import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;
import dev.baton.order.domain.SyncStatus;
import dev.baton.sync.domain.NextAction;

/**
 * The answer to a sync call: the order's sync state, what the caller should do next, the classification
 * of the last failure, and for async processing when the next attempt is due.
 */
public record ProcessingResult(String orderId, SyncState status, NextAction nextAction, int attempt,
                               String downstream, String idempotencyKey, String reference, Instant nextAttemptAt,
                               SyncStatus.LastFailure classification) {

    /** The processing result describing {@code order}'s current sync status. */
    public static ProcessingResult of(Order order) {
        SyncStatus s = order.sync();
        return new ProcessingResult(order.id(), s.state(), nextAction(s.state()), s.attempt(), s.downstream(),
                s.idempotencyKey(), s.reference(), s.state() == SyncState.ASYNC_PENDING ? s.nextAttemptAt() : null,
                s.state() == SyncState.SYNCED ? null : s.lastFailure());
    }

    /** What a caller should do for an order in {@code state}. */
    public static NextAction nextAction(SyncState state) {
        return switch (state) {
            case SYNCED -> NextAction.CONTINUE;
            case SYNCING, ASYNC_PENDING -> NextAction.WAIT;
            case INVALID -> NextAction.FIX_DATA;
            case REJECTED -> NextAction.STOP;
            case DEAD -> NextAction.CONTACT_SUPPORT;
            case NOT_SYNCED -> NextAction.SYNC;
        };
    }
}
