package dev.baton.sync.domain;

/** Where an order stands with its downstream (docs/semantics.md, "Sync semantics"). */
public enum SyncState {
    /** Never synced, or only known as an order. */
    NOT_SYNCED,
    /** A caller or worker holds the lease and is calling the downstream. */
    SYNCING,
    /** The downstream accepted the order: final. */
    SYNCED,
    /** A retry is scheduled (async processing). */
    ASYNC_PENDING,
    /** The downstream refused the data as invalid: final until the caller syncs again with fixed data. */
    INVALID,
    /** The downstream rejected the business: final until the caller syncs again. */
    REJECTED,
    /** Async processing gave up (see {@link DeadReason}): a human must look; an operator may redrive it. */
    DEAD
}
