package dev.baton.sync.domain;

import java.time.Instant;

/**
 * What was learnt from the last failed attempt: its classification, never the payload.
 *
 * @param message the failure's message, already masked
 */
public record LastFailure(String category, String ruleId, String source, String kind, Integer httpStatus,
                          String code, String message, Instant at) {

    /** The rule id recorded when an attempt ended without an outcome because its lease expired. */
    public static final String LEASE_EXPIRED_RULE = "baton.lease-expired";

    /** The summary of {@code c}; {@code maskedMessage} must already be masked. */
    public static LastFailure of(Classification c, String maskedMessage, Instant at) {
        return new LastFailure(c.category().name(), c.ruleId(), c.source().name(), c.failure().kind().name(),
                c.failure().httpStatus(), c.failure().code(), maskedMessage, at);
    }

    /** An attempt whose lease expired before its outcome was recorded: the downstream may or may not have it. */
    public static LastFailure leaseExpired(int attempt, Instant at) {
        return new LastFailure(Category.UNKNOWN.name(), LEASE_EXPIRED_RULE, RuleSource.DEFAULT.name(),
                FailureKind.TIMEOUT.name(), null, null, "attempt " + attempt + " ended without a recorded outcome"
                + " (its process stopped or overran its lease); it is run again with the same idempotency key", at);
    }
}
