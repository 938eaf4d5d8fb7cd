package dev.baton.sync.domain;

/** What a failure means for the order (docs/semantics.md#sync-rules). */
public enum Category {
    /** Busy, timed out, unavailable: trying again later will likely work. */
    TRANSIENT,
    /** The downstream asks to slow down (429, rate limits). */
    THROTTLED,
    /** The downstream refused the data as invalid: the caller must fix it. */
    INVALID_DATA,
    /** The downstream refused the business itself (e.g. declined to underwrite). */
    REJECTED,
    /** Nothing known matched: not provably the order's fault, so it is retried until it succeeds or a human looks. */
    UNKNOWN;

    /**
     * Whether this category is an <em>async processing feature</em>: the order goes to {@code ASYNC_PENDING} and
     * a retry is scheduled. {@code INVALID_DATA} and {@code REJECTED} are answered at once, never retried.
     */
    public boolean asyncProcessing() {
        return switch (this) {
            case TRANSIENT, THROTTLED, UNKNOWN -> true;
            case INVALID_DATA, REJECTED -> false;
        };
    }
}
