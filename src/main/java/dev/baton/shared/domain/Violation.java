package dev.baton.shared.domain;

import java.util.Objects;

/**
 * One reason an input was refused: the path of the offending field (e.g. {@code nodes[2].id},
 * {@code links[0].to[1]}) and a message stating the rule it broke. Messages name rules, never the
 * caller's values, so violations are safe to log and to return to callers.
 *
 * @param field   the field path, never blank
 * @param message the rule that was broken, never blank
 */
public record Violation(String field, String message) {

    /** Validates that both parts are present and not blank. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (field.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("violation field and message must not be blank");
        }
    }
}
