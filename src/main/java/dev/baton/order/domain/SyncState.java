package dev.baton.order.domain;

/** Where an order stands with its downstream (PRODUCT.md "Sync semantics"). */
public enum SyncState {
    NOT_SYNCED, SYNCING, SYNCED, ASYNC_PENDING, INVALID, REJECTED, DEAD
}
