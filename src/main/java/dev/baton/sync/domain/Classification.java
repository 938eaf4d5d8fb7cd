package dev.baton.sync.domain;

import java.util.Locale;

/**
 * The outcome of classifying a failure: its category and which rule decided it (docs/semantics.md#sync-rules:
 * every classification names the rule that matched, or the model and the features that weighed most).
 *
 * @param category what the failure means for the order
 * @param ruleId   the id of the matching rule, {@value FailureClassifier#MODEL_RULE_ID} when the model decided,
 *                 or {@value FailureClassifier#FALLBACK_RULE_ID}
 * @param source   where that rule came from
 * @param failure  the failure that was classified
 * @param model    the model's verdict when no rule matched and the model was asked (source {@link RuleSource#MODEL},
 *                 or {@link RuleSource#FALLBACK} when it was not confident enough); otherwise null
 */
public record Classification(Category category, String ruleId, RuleSource source, Failure failure,
                             ModelVerdict model) {

    /** A classification decided by a rule (or the fallback), without a model verdict. */
    public Classification(Category category, String ruleId, RuleSource source, Failure failure) {
        this(category, ruleId, source, failure, null);
    }

    /**
     * Validates that every part is present.
     *
     * @throws IllegalArgumentException when a part is missing or {@code ruleId} is blank
     */
    public Classification {
        if (category == null || source == null || failure == null) {
            throw new IllegalArgumentException("classification needs a category, a rule source and a failure");
        }
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("classification needs the id of the rule that matched");
        }
        if (source == RuleSource.MODEL && model == null) {
            throw new IllegalArgumentException("a classification by the model needs the model's verdict");
        }
    }

    /**
     * Why the failure has its category, for people: {@code rule default.busy-message}, or
     * {@code model 1.00: m:保, m:保额, m:累} (confidence and the features that weighed most, masked).
     */
    public String reason() {
        if (source != RuleSource.MODEL) {
            return "rule " + ruleId;
        }
        return String.format(Locale.ROOT, "model %.2f: %s", model.confidence(),
                String.join(", ", model.features()));
    }

    /** Whether the order goes to async processing ({@code ASYNC_PENDING} and a scheduled retry). */
    public boolean asyncProcessing() {
        return category.asyncProcessing();
    }
}
