package dev.baton.sync.domain;

import java.time.Instant;
import java.util.List;

/**
 * What was learnt from the last failed attempt: its classification, never the payload.
 *
 * @param message       the failure's message, already masked
 * @param modelCategory when the model was asked (no rule decided before it): what it proposed; otherwise null
 * @param confidence    when the model was asked: its confidence in {@code modelCategory}, rounded to three
 *                      decimals (the category when {@code source} is {@code MODEL}); otherwise null
 * @param features      when the model was asked: the (at most three) masked corpus features that weighed most;
 *                      otherwise null. With {@code ruleId} they say why the failure has its category.
 */
public record LastFailure(String category, String ruleId, String source, String kind, Integer httpStatus,
                          String code, String message, Instant at, String modelCategory, Double confidence,
                          List<String> features) {

    /** The rule id recorded when an attempt ended without an outcome because its lease expired. */
    public static final String LEASE_EXPIRED_RULE = "baton.lease-expired";

    /** Copies {@code features}; a confidence must be from 0 to 1. */
    public LastFailure {
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a model confidence must be from 0 to 1");
        }
        features = features == null ? null : List.copyOf(features);
    }

    /** A last failure decided without asking the model. */
    public LastFailure(String category, String ruleId, String source, String kind, Integer httpStatus, String code,
                       String message, Instant at) {
        this(category, ruleId, source, kind, httpStatus, code, message, at, null, null, null);
    }

    /** The summary of {@code c}; {@code maskedMessage} must already be masked. */
    public static LastFailure of(Classification c, String maskedMessage, Instant at) {
        ModelVerdict m = c.model();
        return new LastFailure(c.category().name(), c.ruleId(), c.source().name(), c.failure().kind().name(),
                c.failure().httpStatus(), c.failure().code(), maskedMessage, at,
                m == null ? null : m.category().name(), m == null ? null : Math.round(m.confidence() * 1000) / 1000.0,
                m == null ? null : m.features());
    }

    /** An attempt whose lease expired before its outcome was recorded: the downstream may or may not have it. */
    public static LastFailure leaseExpired(int attempt, Instant at) {
        return new LastFailure(Category.UNKNOWN.name(), LEASE_EXPIRED_RULE, RuleSource.DEFAULT.name(),
                FailureKind.TIMEOUT.name(), null, null, "attempt " + attempt + " ended without a recorded outcome"
                + " (its process stopped or overran its lease); it is run again with the same idempotency key", at);
    }
}
