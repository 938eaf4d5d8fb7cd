package dev.baton.sync.domain;

import java.util.List;

/**
 * Classifies a failure (docs/semantics.md#sync-rules, docs/classification.md): the downstream's own rules first,
 * in their order, then {@link #DEFAULT_RULES}; the first match wins. When no rule matches, the
 * {@link FailureModel} proposes a category: at a confidence of {@link #MODEL_THRESHOLD} or more it decides (rule
 * {@value #MODEL_RULE_ID}, source {@link RuleSource#MODEL}, with the features that weighed most); below it, or
 * when it proposes {@code UNKNOWN} itself, the failure is {@link Category#UNKNOWN} by rule
 * {@value #FALLBACK_RULE_ID}, with the model's verdict attached for operators. Pure: it runs on every failed
 * attempt and in the classify dry run.
 */
public final class FailureClassifier {

    /** The rule id of a classification that no rule matched. */
    public static final String FALLBACK_RULE_ID = "fallback";

    /** The rule id of a classification the model decided. */
    public static final String MODEL_RULE_ID = "model";

    /**
     * The least confidence at which the model's category is used (chosen on the training split by
     * cross-validation, never on the held-out split; docs/classification.md#the-model).
     */
    public static final double MODEL_THRESHOLD = 0.6;

    /** Baton's built-in rules, tried after a downstream's own; see {@link DefaultRules} for their order. */
    public static final List<Rule> DEFAULT_RULES = DefaultRules.RULES;

    private FailureClassifier() {
    }

    /**
     * The classification of {@code failure}: rules first, then the shipped model.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @return the category and the rule (or model) that decided it, with its source
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules) {
        return classify(failure, downstreamRules, FailureModel.shipped(), MODEL_THRESHOLD);
    }

    /**
     * The classification of {@code failure}: rules first, then {@code model} at {@code threshold}.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @param model           the second opinion when no rule matches; required
     * @param threshold       the least confidence at which the model's category is used
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules, FailureModel model,
                                          double threshold) {
        Classification byRules = classifyByRules(failure, downstreamRules);
        if (byRules.source() != RuleSource.FALLBACK) {
            return byRules;
        }
        ModelVerdict verdict = model.propose(failure);
        if (verdict.category() != Category.UNKNOWN && verdict.confidence() >= threshold) {
            return new Classification(verdict.category(), MODEL_RULE_ID, RuleSource.MODEL, failure, verdict);
        }
        return new Classification(Category.UNKNOWN, FALLBACK_RULE_ID, RuleSource.FALLBACK, failure, verdict);
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
