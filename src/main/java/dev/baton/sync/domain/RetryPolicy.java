package dev.baton.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a downstream is retried: at most {@code maxAttempts} attempts in all, within {@code deadline} of the
 * first, each after an exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff
 * And Jitter"): uniform in [0, min(maxDelay, baseDelay · 2^(attempt−1))], at least one second.
 * A {@code Retry-After} the downstream sent is honoured even above {@code maxDelay}, never past the deadline.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    /** Eight attempts, 2 s base, 5 min cap, within a day. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofHours(24));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
        }
        if (baseDelay == null || baseDelay.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("baseDelay must be at least 1 s");
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay");
        }
        if (deadline == null || deadline.compareTo(baseDelay) < 0 || deadline.compareTo(Duration.ofDays(14)) > 0) {
            throw new IllegalArgumentException("deadline must be from baseDelay to 14 days");
        }
    }

    /** The cap of the backoff after failed attempt {@code attempt} (≥ 1), without jitter. */
    public Duration noJitterBackoff(int attempt) {
        int exponent = Math.min(Math.max(attempt, 1) - 1, 40); // 2^40 s is far beyond any maxDelay
        long cap = baseDelay.toMillis() * (1L << Math.min(exponent, 20));
        if (exponent > 20 || cap > maxDelay.toMillis()) {
            cap = maxDelay.toMillis();
        }
        return Duration.ofMillis(cap);
    }

    /** The full-jitter backoff after failed attempt {@code attempt}: uniform in [0, cap], at least 1 s. */
    public Duration backoff(int attempt, RandomGenerator random) {
        long cap = noJitterBackoff(attempt).toMillis();
        long jittered = (long) (random.nextDouble() * (cap + 1));
        return Duration.ofMillis(Math.max(1_000, Math.min(jittered, cap)));
    }

    /**
     * When to try again after {@code attemptsMade} attempts, the first at {@code firstAttemptAt}; empty when
     * the attempts or the deadline are used up.
     */
    public Optional<Instant> nextAttemptAt(int attemptsMade, Instant firstAttemptAt, Instant now,
                                           Duration retryAfter, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = backoff(attemptsMade, random);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        return next.isAfter(firstAttemptAt.plus(deadline)) ? Optional.empty() : Optional.of(next);
    }
}
