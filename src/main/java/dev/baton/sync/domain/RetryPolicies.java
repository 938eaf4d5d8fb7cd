package dev.baton.sync.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How a downstream retries each async processing category (docs/semantics.md#sync-rules): a failed attempt is
 * retried under the policy of its own category, counted over the whole sync (attempts made so far, time since the
 * first attempt). When that policy allows no other attempt the order goes where {@link
 * Category#whenRetriesRunOut()} says.
 *
 * @param onTransient {@code TRANSIENT}: the long budget that rides out an ordinary outage
 * @param onThrottled {@code THROTTLED}: by default the same as {@code onTransient}; a {@code Retry-After} is
 *                    honoured above its backoff (never past its deadline)
 * @param onUnknown   {@code UNKNOWN}: a few probes over minutes ({@link #UNKNOWN_PROBES}), then a human looks
 */
public record RetryPolicies(RetryPolicy onTransient, RetryPolicy onThrottled, RetryPolicy onUnknown) {

    /**
     * Four attempts, 60 s base, 5 min cap, within 15 minutes: with full jitter the three retries start within
     * about 7 minutes at most, so a brief hiccup behind an unrecognised answer still heals itself, and an answer
     * nobody wrote a rule for (often a rejection in unfamiliar words) reaches a human in minutes, not in an hour.
     */
    public static final RetryPolicy UNKNOWN_PROBES = new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMinutes(15));

    /** Baton's defaults: {@link RetryPolicy#DEFAULT} for transient and throttled failures, probes for unknown ones. */
    public static final RetryPolicies DEFAULT = of(RetryPolicy.DEFAULT);

    /**
     * Validates the policies.
     *
     * @throws IllegalArgumentException when one is missing
     */
    public RetryPolicies {
        if (onTransient == null || onThrottled == null || onUnknown == null) {
            throw new IllegalArgumentException("every async processing category needs a retry policy");
        }
    }

    /** The defaults around {@code transientPolicy}: throttled failures share it, unknown ones are probed. */
    public static RetryPolicies of(RetryPolicy transientPolicy) {
        return new RetryPolicies(transientPolicy, transientPolicy, UNKNOWN_PROBES);
    }

    /** The policy that retries {@code category}; empty for the categories that are final at once. */
    public Optional<RetryPolicy> forCategory(Category category) {
        return switch (category) {
            case TRANSIENT -> Optional.of(onTransient);
            case THROTTLED -> Optional.of(onThrottled);
            case UNKNOWN -> Optional.of(onUnknown);
            case INVALID_DATA, REJECTED -> Optional.empty();
        };
    }

    /** These policies with {@code category}'s replaced by {@code policy}. */
    public RetryPolicies with(Category category, RetryPolicy policy) {
        return switch (category) {
            case TRANSIENT -> new RetryPolicies(policy, onThrottled, onUnknown);
            case THROTTLED -> new RetryPolicies(onTransient, policy, onUnknown);
            case UNKNOWN -> new RetryPolicies(onTransient, onThrottled, policy);
            case INVALID_DATA, REJECTED -> throw new IllegalArgumentException(category + " is never retried");
        };
    }
}
