package dev.baton.sync.domain;

/** Where the rule that classified a failure came from. */
public enum RuleSource {
    /** One of the downstream's own rules, which are tried first. */
    DOWNSTREAM,
    /** One of Baton's built-in {@link DefaultRules}. */
    DEFAULT,
    /** Nothing matched: the failure is {@link Category#UNKNOWN} by rule {@value FailureClassifier#FALLBACK_RULE_ID}. */
    FALLBACK
}
