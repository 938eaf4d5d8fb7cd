package dev.baton.sync.domain;

import java.util.regex.Pattern;

/**
 * A classification rule: when its condition matches a failure, the failure has the rule's category.
 *
 * @param id       names the rule in every classification it decides; matches {@link #ID}
 * @param when     the condition; required
 * @param category the category of matching failures; required
 */
public record Rule(String id, RuleCondition when, Category category) {

    /** The pattern rule ids match, e.g. {@code default.timeout} or {@code acme-busy_2}. */
    public static final String ID = "[A-Za-z0-9_.-]{1,64}";

    private static final Pattern ID_PATTERN = Pattern.compile(ID);

    /**
     * Validates the rule.
     *
     * @throws IllegalArgumentException naming the broken rule (never the value)
     */
    public Rule {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must match " + ID);
        }
        if (when == null) {
            throw new IllegalArgumentException("rule when is required");
        }
        if (category == null) {
            throw new IllegalArgumentException("rule category is required");
        }
    }

    /** Whether this rule applies to {@code failure}. */
    public boolean matches(Failure failure) {
        return when.matches(failure);
    }

    /** Whether this rule applies to {@code failure}, given {@link RuleCondition#lowerCase} of its message. */
    public boolean matches(Failure failure, String lowerMessage) {
        return when.matches(failure, lowerMessage);
    }
}
