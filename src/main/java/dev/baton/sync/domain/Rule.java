package dev.baton.sync.domain;

import java.util.regex.Pattern;

/** A classification rule: when its condition matches a failure, the failure has its category. */
public record Rule(String id, RuleCondition when, Category category) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must match " + ID.pattern());
        }
        if (when == null || category == null) {
            throw new IllegalArgumentException("rule needs a condition and a category");
        }
    }

    /** A rule matching failures whose message contains any of {@code words}. */
    static Rule messages(String id, Category category, String... words) {
        return new Rule(id, new RuleCondition(null, null, null, java.util.List.of(words), null), category);
    }

    /** A rule matching failures with any of {@code statuses}. */
    static Rule statuses(String id, Category category, Integer... statuses) {
        return new Rule(id, new RuleCondition(null, java.util.Set.of(statuses), null, null, null), category);
    }
}
