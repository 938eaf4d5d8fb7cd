package dev.baton.sync.domain;

/**
 * What a failure means for the order, and what it leads to (docs/semantics.md#sync-rules). This enum is the one
 * place that maps a category to sync states and to the caller's next business operation; how often and how long a
 * category is retried is its {@link RetryPolicies} entry.
 */
public enum Category {
    /** Busy, timed out, unavailable: trying again later will likely work. */
    TRANSIENT,
    /** The downstream asks to slow down (429, rate limits); its {@code Retry-After} is honoured. */
    THROTTLED,
    /** The downstream refused the data as invalid: the caller must fix it. */
    INVALID_DATA,
    /** The downstream refused the business itself (e.g. declined to underwrite). */
    REJECTED,
    /**
     * Nothing known matched: not provably the order's fault, so it is probed a few times, then a human looks
     * ({@link SyncState#NEEDS_REVIEW}) instead of burning a transient failure's long budget.
     */
    UNKNOWN;

    /**
     * Whether this category is an <em>async processing feature</em>: the order goes to {@code ASYNC_PENDING} and
     * a retry is scheduled. {@code INVALID_DATA} and {@code REJECTED} are answered at once, never retried.
     */
    public boolean asyncProcessing() {
        return afterFailure() == SyncState.ASYNC_PENDING;
    }

    /** The state a failed attempt of this category leads to while its retry policy allows another attempt. */
    public SyncState afterFailure() {
        return switch (this) {
            case TRANSIENT, THROTTLED, UNKNOWN -> SyncState.ASYNC_PENDING;
            case INVALID_DATA -> SyncState.INVALID;
            case REJECTED -> SyncState.REJECTED;
        };
    }

    /**
     * The state a failed attempt of this category leads to when its retry policy allows no other attempt
     * (attempts or deadline used up): {@code DEAD} for known transient trouble, {@code NEEDS_REVIEW} for a failure
     * nobody wrote a rule for; the final categories are final either way.
     */
    public SyncState whenRetriesRunOut() {
        return switch (this) {
            case TRANSIENT, THROTTLED -> SyncState.DEAD;
            case UNKNOWN -> SyncState.NEEDS_REVIEW;
            case INVALID_DATA -> SyncState.INVALID;
            case REJECTED -> SyncState.REJECTED;
        };
    }

    /** The next business operation the caller is told right after a failure of this category (retries remaining). */
    public NextAction nextAction() {
        return afterFailure().nextAction();
    }
}
