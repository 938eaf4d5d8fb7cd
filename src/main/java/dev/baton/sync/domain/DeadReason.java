package dev.baton.sync.domain;

/**
 * Why async processing stopped trying an order, recorded with its {@code DEAD} state, and with its
 * {@code NEEDS_REVIEW} state (then only {@link #ATTEMPTS_EXHAUSTED} or {@link #DEADLINE_PASSED}).
 */
public enum DeadReason {
    /** The retry policy's attempts were used up. */
    ATTEMPTS_EXHAUSTED,
    /** The next attempt would have started after the retry policy's deadline. */
    DEADLINE_PASSED,
    /**
     * Attempts kept ending without a recorded outcome (the process running them died or overran its lease)
     * more often than {@link OrderSync#MAX_LOST_LEASES}: something about this order kills its workers.
     */
    LEASES_LOST,
    /** The downstream settings the order names no longer exist. */
    SETTINGS_MISSING
}
