package dev.baton.sync.domain;

/**
 * The outcome of classifying a failure: its category and which rule decided it (docs/semantics.md#sync-rules:
 * every classification names the rule that matched).
 *
 * @param category what the failure means for the order
 * @param ruleId   the id of the matching rule, or {@value FailureClassifier#FALLBACK_RULE_ID}
 * @param source   where that rule came from
 * @param failure  the failure that was classified
 */
public record Classification(Category category, String ruleId, RuleSource source, Failure failure) {

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
    }

    /** Whether the order goes to async processing ({@code ASYNC_PENDING} and a scheduled retry). */
    public boolean asyncProcessing() {
        return category.asyncProcessing();
    }
}
