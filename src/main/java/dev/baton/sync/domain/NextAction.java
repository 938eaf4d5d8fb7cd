package dev.baton.sync.domain;

/** What the caller should do next after a sync call (the "processing result" of docs/semantics.md#sync-rules). */
public enum NextAction {
    /** The order is synced: continue the business process. */
    CONTINUE,
    /** Baton is finishing the sync asynchronously: wait (poll the order or get notified). */
    WAIT,
    /** The downstream refused the data as invalid: fix it and sync again. */
    FIX_DATA,
    /** The downstream rejected the business (e.g. declined to underwrite): stop. */
    STOP,
    /**
     * Baton stopped trying ({@code DEAD}: retries exhausted; {@code NEEDS_REVIEW}: a failure no rule knows outlived
     * its probes): a human must look (an operator can redrive the order).
     */
    CONTACT_SUPPORT,
    /** The order was never synced: call sync. */
    SYNC
}
