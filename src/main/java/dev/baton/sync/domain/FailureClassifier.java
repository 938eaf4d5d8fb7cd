package dev.baton.sync.domain;

import java.util.List;

/**
 * Classifies a failure (docs/semantics.md#sync-rules): the downstream's own rules first, in their order, then
 * {@link #DEFAULT_RULES}; the first match wins; when nothing matches the failure is {@link Category#UNKNOWN}
 * by rule {@value #FALLBACK_RULE_ID}. Pure: it runs on every failed attempt and in the classify dry run.
 */
public final class FailureClassifier {

    /** The rule id of a classification that no rule matched. */
    public static final String FALLBACK_RULE_ID = "fallback";

    /** Baton's built-in rules, tried after a downstream's own; see {@link DefaultRules} for their order. */
    public static final List<Rule> DEFAULT_RULES = DefaultRules.RULES;

    private FailureClassifier() {
    }

    /**
     * The classification of {@code failure}.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @return the category and the rule that decided it, with its source
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules) {
        return classifyByRules(failure, downstreamRules);
    }

    /**
     * The classification of {@code failure} by rules alone: the downstream's, then the defaults, else
     * {@link Category#UNKNOWN} by {@value #FALLBACK_RULE_ID}.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @return the category and the rule that decided it, with its source
     */
    public static Classification classifyByRules(Failure failure, List<Rule> downstreamRules) {
        if (failure == null) {
            throw new IllegalArgumentException("failure is required");
        }
        String lowerMessage = RuleCondition.lowerCase(failure.message()); // once, not once per rule
        if (downstreamRules != null) {
            for (Rule rule : downstreamRules) {
                if (rule.matches(failure, lowerMessage)) {
                    return new Classification(rule.category(), rule.id(), RuleSource.DOWNSTREAM, failure);
                }
            }
        }
        for (Rule rule : DEFAULT_RULES) {
            if (rule.matches(failure, lowerMessage)) {
                return new Classification(rule.category(), rule.id(), RuleSource.DEFAULT, failure);
            }
        }
        return new Classification(Category.UNKNOWN, FALLBACK_RULE_ID, RuleSource.FALLBACK, failure);
    }
}
