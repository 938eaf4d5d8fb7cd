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

    /**
     * True for the states operators list ({@code GET /v1/orders}): an order in one of them may need a human, so
     * it is kept on the listing index; the others (not started, in flight, synced) are not listed and cost no
     * index writes. A new state is listed or not here, in one place — the switch has no default, so a new state
     * does not compile until it is decided.
     */
    public boolean listed() {
        return switch (this) {
            case ASYNC_PENDING, INVALID, REJECTED, DEAD, NEEDS_REVIEW -> true;
            case NOT_SYNCED, SYNCING, SYNCED -> false;
        };
    }

    /** The states {@link #listed()}, in declaration order. */
    public static java.util.List<SyncState> listedStates() {
        return java.util.Arrays.stream(values()).filter(SyncState::listed).toList();
    }
}
