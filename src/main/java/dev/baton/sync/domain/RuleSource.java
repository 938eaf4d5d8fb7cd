package dev.baton.sync.domain;

/** Where the rule that classified a failure came from. */
public enum RuleSource {
    /** One of the downstream's own rules, which are tried first. */
    DOWNSTREAM,
    /** One of Baton's built-in {@link DefaultRules}. */
    DEFAULT,
    /**
     * No rule matched and the {@link FailureModel} proposed the category with a confidence of at least
     * {@link FailureClassifier#MODEL_THRESHOLD}; rule id {@value FailureClassifier#MODEL_RULE_ID}.
     */
    MODEL,
    /** Nothing matched: the failure is {@link Category#UNKNOWN} by rule {@value FailureClassifier#FALLBACK_RULE_ID}. */
    FALLBACK
}
