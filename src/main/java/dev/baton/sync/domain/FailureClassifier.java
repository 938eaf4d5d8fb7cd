package dev.baton.sync.domain;

import java.util.List;

/**
 * Classifies a failure: the downstream's own rules first, then {@link DefaultRules}; the first match wins;
 * nothing matched → {@link Category#UNKNOWN} (rule {@code fallback}). Pure and allocation-light: it runs on
 * every failed attempt.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** The classification of {@code failure} under {@code downstreamRules} and the defaults. */
    public static Classification classify(Failure failure, List<Rule> downstreamRules) {
        for (Rule rule : downstreamRules) {
            if (rule.when().matches(failure)) {
                return new Classification(rule.category(), rule.id(), RuleSource.DOWNSTREAM, failure);
            }
        }
        for (Rule rule : DefaultRules.RULES) {
            if (rule.when().matches(failure)) {
                return new Classification(rule.category(), rule.id(), RuleSource.DEFAULT, failure);
            }
        }
        return new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure);
    }
}
