package dev.baton.sync.domain;

/** Where the rule that classified a failure came from. */
public enum RuleSource {
    /** One of the downstream's own rules. */
    DOWNSTREAM,
    /** One of Baton's built-in defaults. */
    DEFAULT,
    /** Nothing matched. */
    FALLBACK
}
