package dev.baton.order.domain;

/** Where an order stands with its downstream (docs/semantics.md#sync-rules). */
public enum SyncState {
    NOT_SYNCED, SYNCING, SYNCED, ASYNC_PENDING, INVALID, REJECTED, DEAD
}
