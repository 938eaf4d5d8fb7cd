package dev.baton.sync.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a rule applies. Every given criterion must match (AND); within a list any value may (OR). Empty or
 * null criteria match anything, but a condition needs at least one. {@code messageContains} compares
 * case-insensitively; {@code messageMatches} is a regular expression found anywhere in the message.
 *
 * @throws IllegalArgumentException naming the field ({@code messageMatches}, or the condition) when invalid
 */
public record RuleCondition(Set<FailureKind> kinds, Set<Integer> httpStatuses, Set<String> codes,
                            List<String> messageContains, String messageMatches) {

    public RuleCondition {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        httpStatuses = httpStatuses == null ? Set.of() : Set.copyOf(httpStatuses);
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        messageContains = messageContains == null ? List.of()
                : messageContains.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (kinds.isEmpty() && httpStatuses.isEmpty() && codes.isEmpty() && messageContains.isEmpty()
                && (messageMatches == null || messageMatches.isEmpty())) {
            throw new IllegalArgumentException("a condition needs at least one criterion");
        }
        if (messageMatches != null) {
            try {
                Pattern.compile(messageMatches);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("messageMatches is not a valid regular expression");
            }
        }
    }

    /** True when {@code failure} meets every given criterion. */
    public boolean matches(Failure failure) {
        return (kinds.isEmpty() || kinds.contains(failure.kind()))
                && (httpStatuses.isEmpty() || httpStatuses.contains(failure.httpStatus()))
                && (codes.isEmpty() || codes.contains(failure.code()))
                && (messageContains.isEmpty() || containsAny(failure.message()))
                && (messageMatches == null || messageMatches.isEmpty() || found(failure.message()));
    }

    private boolean containsAny(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return messageContains.stream().anyMatch(lower::contains);
    }

    private boolean found(String message) {
        // compiled per call: conditions are few and short-lived; the defaults use messageContains only
        return message != null && Pattern.compile(messageMatches).matcher(message).find();
    }
}
