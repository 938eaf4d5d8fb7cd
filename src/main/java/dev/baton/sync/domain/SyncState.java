package dev.baton.sync.domain;

/** Where an order stands with its downstream (docs/semantics.md#sync-rules). */
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
    DEAD,
    /**
     * A failure nobody wrote a rule for ({@link Category#UNKNOWN}) outlived its few probes: nothing more is tried
     * until a human looks; an operator may redrive it like a {@code DEAD} order.
     */
    NEEDS_REVIEW;

    /** What a caller should do next for an order in this state (the processing result's {@code nextAction}). */
    public NextAction nextAction() {
        return switch (this) {
            case SYNCED -> NextAction.CONTINUE;
            case SYNCING, ASYNC_PENDING -> NextAction.WAIT;
            case INVALID -> NextAction.FIX_DATA;
            case REJECTED -> NextAction.STOP;
            case DEAD, NEEDS_REVIEW -> NextAction.CONTACT_SUPPORT;
            case NOT_SYNCED -> NextAction.SYNC;
        };
    }
}
