package dev.baton.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a downstream is retried: at most {@code maxAttempts} attempts in all, none later than {@code deadline}
 * after the first, each after an exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): uniform in [0, min(maxDelay, baseDelay · 2^(attempt−1))] in whole milliseconds, then
 * raised to at least one second so a retry never hammers a struggling downstream. A {@code Retry-After} the
 * downstream sent is honoured even above {@code maxDelay}, but never past the deadline.
 *
 * @param maxAttempts attempts in all, the first included: 1 to 100
 * @param baseDelay   the backoff cap after the first failed attempt: at least 1 second
 * @param maxDelay    the largest backoff cap: from {@code baseDelay} to 14 days
 * @param deadline    how long after the first attempt retries may start: from {@code baseDelay} to 14 days
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    /** The most attempts a policy allows. */
    public static final int MAX_ATTEMPTS = 100;
    /** The smallest base delay, and the smallest backoff. */
    public static final Duration MIN_DELAY = Duration.ofSeconds(1);
    /** The longest deadline and the longest max delay. */
    public static final Duration MAX_DEADLINE = Duration.ofDays(14);
    /**
     * Thirty attempts, 2 s base, 5 min cap, within a day: with full jitter an order keeps retrying for about an
     * hour on average (at most about two) before it is {@code DEAD}, so a downstream's ordinary outage heals
     * itself, while the 5-minute cap keeps the drain after a recovery to about 5 minutes (src/bench/README.md).
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(30, Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofHours(24));

    /**
     * Validates the policy.
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        if (baseDelay == null || baseDelay.compareTo(MIN_DELAY) < 0) {
            throw new IllegalArgumentException("baseDelay must be at least 1 second");
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0 || maxDelay.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException("maxDelay must be from baseDelay to 14 days");
        }
        if (deadline == null || deadline.compareTo(baseDelay) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException("deadline must be from baseDelay to 14 days");
        }
    }

    /**
     * The backoff cap after failed attempt {@code attempt}, without jitter: min(maxDelay, baseDelay ·
     * 2^(attempt−1)). Exact and overflow-free for any attempt (the benchmark compares it with jitter).
     *
     * @param attempt the number of the attempt that failed, 1 or more
     */
    public Duration noJitterBackoff(int attempt) {
        requireAttempt(attempt);
        int shift = attempt - 1;
        long fitsInMax = maxDelay.dividedBy(baseDelay); // the largest factor with baseDelay · factor ≤ maxDelay
        if (shift >= Long.SIZE - 1 || (1L << shift) > fitsInMax) {
            return maxDelay;
        }
        return baseDelay.multipliedBy(1L << shift);
    }

    /**
     * The full-jitter backoff after failed attempt {@code attempt}: whole milliseconds uniform in
     * [0, {@link #noJitterBackoff}], then at least one second. Uses one {@link RandomGenerator#nextDouble()}.
     *
     * @param attempt the number of the attempt that failed, 1 or more
     */
    public Duration backoff(int attempt, RandomGenerator random) {
        long capMillis = noJitterBackoff(attempt).toMillis();
        long jittered = Math.min(capMillis, (long) Math.floor(random.nextDouble() * (capMillis + 1)));
        return Duration.ofMillis(Math.max(MIN_DELAY.toMillis(), jittered));
    }

    /**
     * When to try again after a failed attempt: {@code now} + max(backoff, {@code retryAfter}).
     *
     * @param attemptsMade   attempts made so far, the failed one included: 1 or more
     * @param firstAttemptAt when the first attempt started; the deadline counts from it
     * @param now            when the failed attempt ended
     * @param retryAfter     the wait the downstream asked for, or null
     * @return the time of the next attempt; empty when the attempts are used up or that time would be after
     *         {@code firstAttemptAt + deadline} (the order then stops where {@link Category#whenRetriesRunOut()}
     *         says)
     */
    public Optional<Instant> nextAttemptAt(int attemptsMade, Instant firstAttemptAt, Instant now,
                                           Duration retryAfter, RandomGenerator random) {
        requireAttempt(attemptsMade);
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = backoff(attemptsMade, random);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        if (wait.compareTo(deadline) > 0) {
            return Optional.empty(); // also keeps an absurd Retry-After from overflowing Instant
        }
        Instant next = now.plus(wait);
        return next.isAfter(firstAttemptAt.plus(deadline)) ? Optional.empty() : Optional.of(next);
    }

    private static void requireAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1, was " + attempt);
        }
    }
}
