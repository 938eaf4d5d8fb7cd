package dev.baton.sync.domain;

/** The category of a failure and the rule that decided it. */
public record Classification(Category category, String ruleId, RuleSource source, Failure failure) {

    public Classification {
        if (category == null || ruleId == null || source == null || failure == null) {
            throw new IllegalArgumentException("classification needs category, rule, source and failure");
        }
    }

    /** True when the order goes to async processing. */
    public boolean asyncProcessing() {
        return category.asyncProcessing();
    }
}
