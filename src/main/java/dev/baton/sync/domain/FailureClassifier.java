package dev.baton.sync.domain;

import java.util.List;

/**
 * Classifies a failure (docs/semantics.md#sync-rules, docs/classification.md): the downstream's own rules first,
 * in their order, then {@link #DEFAULT_RULES} but their two status-only rules (and, for a 502/503/504 carrying
 * the downstream's own code, the gateway status rule: {@link DefaultRules#businessAnswer}); the first match wins.
 * When none matches, the {@link FailureModel} reads the failure: when it is at least {@link #FINAL_THRESHOLD} sure that the
 * failure is final ({@code INVALID_DATA} or {@code REJECTED}), that decides (rule {@value #MODEL_RULE_ID}, source
 * {@link RuleSource#MODEL}, with the features that weighed most). Otherwise the status-only rules decide (a bare
 * 5xx is transient, a 400 invalid data) with the model's verdict attached; then the model's async category at
 * {@link #MODEL_THRESHOLD} or more; else {@link Category#UNKNOWN} by rule {@value #FALLBACK_RULE_ID}, the verdict
 * attached for operators. A failure the model finds final-looking ({@link #REVIEW_THRESHOLD}) but not final is
 * never answered transient: it is {@code UNKNOWN}, probed a few times, then reviewed.
 *
 * <p>Never final by Baton's defaults or model: a message saying the outcome is pending or unknown
 * ({@link DefaultRules#outcomePending}, "处理结果待确认": the downstream may have accepted the order) — unless an
 * async default rule decides ("处理中，请稍后查询" is busy), it is {@code UNKNOWN} by the fallback, for a human to
 * check and recorded in the inbox — and, by the model, a failure without a message (a bare code says nothing
 * decisive) or whose body was cut before its words ({@link #cutBeforeItsWords}). A downstream's own rule still decides.
 * Pure: it runs on every failed attempt and in the classify dry run.
 */
public final class FailureClassifier {

    /** The rule id of a classification that no rule matched. */
    public static final String FALLBACK_RULE_ID = "fallback";

    /** The rule id of a classification the model decided. */
    public static final String MODEL_RULE_ID = "model";

    /**
     * The least confidence at which the model's {@code TRANSIENT} or {@code THROTTLED} is used (chosen on the
     * training split by cross-validation, never on the held-out split; docs/classification.md#the-model).
     */
    public static final double MODEL_THRESHOLD = 0.6;

    /**
     * The least probability of the two final categories together at which the model answers a failure final
     * (chosen like {@link #MODEL_THRESHOLD}; docs/classification.md#choosing-the-thresholds-training-split-only).
     */
    public static final double FINAL_THRESHOLD = 0.6;

    /**
     * The least probability of the final categories together at which a failure the model is not sure enough to
     * answer final is not answered {@code TRANSIENT} either, by the status-only rules or the model, but
     * {@code UNKNOWN}: probed a few times, then a human looks (chosen like {@link #FINAL_THRESHOLD}).
     */
    public static final double REVIEW_THRESHOLD = 0.4;

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
        return classify(failure, downstreamRules, FailureModel.shipped(), FINAL_THRESHOLD, MODEL_THRESHOLD);
    }

    /**
     * The classification of {@code failure}: rules first, then {@code model} with {@code threshold} as both its
     * final and its async threshold.
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules, FailureModel model,
                                          double threshold) {
        return classify(failure, downstreamRules, model, threshold, threshold);
    }

    /**
     * The classification of {@code failure}: rules first, then {@code model} at the given thresholds.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @param model           the second opinion when no rule matches; required
     * @param finalThreshold  the least joint probability of the final categories at which the model answers final
     * @param asyncThreshold  the least confidence at which the model's {@code TRANSIENT} or {@code THROTTLED} is used
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules, FailureModel model,
                                          double finalThreshold, double asyncThreshold) {
        return classify(failure, downstreamRules, model, finalThreshold, asyncThreshold, REVIEW_THRESHOLD);
    }

    /**
     * The classification of {@code failure}: rules first, then {@code model} at the given thresholds.
     *
     * @param failure         the failure to classify; required
     * @param downstreamRules the downstream's own rules in order; null or empty when it has none
     * @param model           the second opinion when no rule matches; required
     * @param finalThreshold  the least joint probability of the final categories at which the model answers final
     * @param asyncThreshold  the least confidence at which the model's {@code TRANSIENT} or {@code THROTTLED} is used
     * @param reviewThreshold the least joint probability of the final categories at which a failure not answered
     *                        final is {@code UNKNOWN} rather than transient by a status rule or the model
     */
    public static Classification classify(Failure failure, List<Rule> downstreamRules, FailureModel model,
                                          double finalThreshold, double asyncThreshold, double reviewThreshold) {
        if (failure == null) {
            throw new IllegalArgumentException("failure is required");
        }
        String lowerMessage = RuleCondition.lowerCase(failure.message()); // once, not once per rule
        Classification byRules = firstMatch(failure, lowerMessage, downstreamRules, DefaultRules.BEFORE_MODEL, true);
        if (byRules != null && (byRules.asyncProcessing() || byRules.source() == RuleSource.DOWNSTREAM)) {
            return byRules; // most failures: no need to look for pending wording
        }
        boolean pending = DefaultRules.outcomePending(lowerMessage);
        if (byRules != null && !pending) {
            return byRules;
        }
        if (byRules != null) { // a final default rule matched a pending answer: only the async defaults may decide
            byRules = firstMatch(failure, lowerMessage, downstreamRules, DefaultRules.BEFORE_MODEL, false);
            if (byRules != null) {
                return byRules;
            }
        }
        boolean modelMayBeFinal = !pending && readable(failure.message()) && !cutBeforeItsWords(failure.message());
        FailureModel.Decision decision = model.decide(failure,
                modelMayBeFinal ? finalThreshold : Double.POSITIVE_INFINITY);
        ModelVerdict verdict = decision.verdict();
        if (!verdict.category().asyncProcessing()) {
            return new Classification(verdict.category(), MODEL_RULE_ID, RuleSource.MODEL, failure, verdict);
        }
        // final-looking: not sure enough to answer final, too likely final for the long transient budget
        boolean finalLooking = modelMayBeFinal && decision.finalProbability() >= reviewThreshold;
        for (Rule rule : DefaultRules.AFTER_MODEL) {
            boolean allowed = rule.category().asyncProcessing() ? !finalLooking : !pending;
            if (allowed && rule.matches(failure, lowerMessage)) {
                return new Classification(rule.category(), rule.id(), RuleSource.DEFAULT, failure, verdict);
            }
        }
        if (!pending && !finalLooking && verdict.category() != Category.UNKNOWN
                && verdict.confidence() >= asyncThreshold) {
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
        Classification byRules = firstMatch(failure, lowerMessage, downstreamRules, DEFAULT_RULES,
                !DefaultRules.outcomePending(lowerMessage));
        return byRules != null ? byRules
                : new Classification(Category.UNKNOWN, FALLBACK_RULE_ID, RuleSource.FALLBACK, failure);
    }

    /**
     * Whether a message has something to read: at least two letters (any script) and no U+FFFD, the mark of bytes
     * that were not text in the charset they were decoded in. "?????" or mojibake says nothing decisive, so the
     * model may not answer it final.
     */
    static boolean readable(String message) {
        if (message == null || message.indexOf('\uFFFD') >= 0) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < message.length() && letters < 2; i++) {
            letters += Character.isLetter(message.charAt(i)) ? 1 : 0;
        }
        return letters >= 2;
    }

    /** Of the longest text a cut body still carries, the least weight that lets the model answer it final. */
    private static final int CUT_BODY_MIN_WORDS = 10;

    /**
     * Whether {@code message} is a JSON or XML body cut short before it said anything: it does not close (a JSON
     * bracket or string left open, an XML root element never closed) and none of its values or text nodes has
     * {@value #CUT_BODY_MIN_WORDS} letters or more (a CJK character counts two), so only keys, tags, codes and the
     * start of a word arrived ('{"applicationId":"APP-000913","decision":{"sta', a TXLife reply ending at
     * '&lt;ResultInfoDesc&gt;'). The guide labels such a body {@code UNKNOWN} (its decisive part is missing); the
     * model may not answer it final from key names. A cut body whose words arrived ('{"code":"U2031",
     * "message":"被保险人年龄超过本产品最高投保年龄，不予承') is still read; HTML pages are left to the other rules.
     */
    static boolean cutBeforeItsWords(String message) {
        if (message == null) {
            return false;
        }
        String body = message.strip();
        if (body.startsWith("{") || body.startsWith("[")) {
            return jsonCutBeforeItsWords(body);
        }
        if (body.startsWith("<")) {
            return xmlCutBeforeItsWords(body);
        }
        return false;
    }

    private static boolean jsonCutBeforeItsWords(String body) {
        int depth = 0;
        int longest = 0;
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch == '"') {
                int start = ++i;
                while (i < body.length() && body.charAt(i) != '"') {
                    i += body.charAt(i) == '\\' ? 2 : 1;
                }
                int end = Math.min(i, body.length());
                int after = i + 1;
                while (after < body.length() && Character.isWhitespace(body.charAt(after))) {
                    after++;
                }
                boolean key = after < body.length() && body.charAt(after) == ':';
                if (!key) {
                    longest = Math.max(longest, words(body, start, end));
                }
                if (i >= body.length()) {
                    depth++; // a string left open: the body was cut
                }
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
            i++;
        }
        return depth > 0 && longest < CUT_BODY_MIN_WORDS;
    }

    private static boolean xmlCutBeforeItsWords(String body) {
        String rest = body.startsWith("<?") && body.indexOf("?>") > 0 ? body.substring(body.indexOf("?>") + 2).strip()
                : body;
        int nameEnd = 1;
        while (nameEnd < rest.length() && (Character.isLetterOrDigit(rest.charAt(nameEnd))
                || ":_.-".indexOf(rest.charAt(nameEnd)) >= 0)) {
            nameEnd++;
        }
        String root = rest.substring(1, nameEnd);
        if (root.isEmpty() || root.equalsIgnoreCase("html") || rest.contains("</" + root)) {
            return false;
        }
        int longest = 0;
        for (int close = rest.indexOf('>'); close >= 0; close = rest.indexOf('>', close + 1)) {
            int open = rest.indexOf('<', close + 1);
            longest = Math.max(longest, words(rest, close + 1, open < 0 ? rest.length() : open));
        }
        return longest < CUT_BODY_MIN_WORDS;
    }

    /** The letters of {@code text} between {@code from} and {@code to}, a CJK character counting two. */
    private static int words(String text, int from, int to) {
        int weight = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            weight += Character.isIdeographic(ch) ? 2 : Character.isLetter(ch) ? 1 : 0;
        }
        return weight;
    }

    /**
     * The first of the downstream's rules, then of {@code defaults} (only those of an async category unless
     * {@code defaultsMayBeFinal}), that matches; null when none does.
     */
    private static Classification firstMatch(Failure failure, String lowerMessage, List<Rule> downstreamRules,
                                             List<Rule> defaults, boolean defaultsMayBeFinal) {
        if (downstreamRules != null) {
            for (Rule rule : downstreamRules) {
                if (rule.matches(failure, lowerMessage)) {
                    return new Classification(rule.category(), rule.id(), RuleSource.DOWNSTREAM, failure);
                }
            }
        }
        boolean businessAnswer = defaults == DefaultRules.BEFORE_MODEL && DefaultRules.businessAnswer(failure);
        for (Rule rule : defaults) {
            if (businessAnswer && rule == DefaultRules.GATEWAY_STATUS) {
                continue; // the downstream's own answer on a 502/503/504: the model reads it first
            }
            if ((defaultsMayBeFinal || rule.category().asyncProcessing()) && rule.matches(failure, lowerMessage)
                    && !DefaultRules.yieldsToDataError(rule, failure)) {
                return new Classification(rule.category(), rule.id(), RuleSource.DEFAULT, failure);
            }
        }
        return null;
    }
}
