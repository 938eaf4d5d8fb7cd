package dev.baton.sync.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

import dev.baton.shared.domain.Violation;

/**
 * When a rule applies, in terms of a failure's features. Every given criterion must match (AND); within one
 * criterion any listed value may (OR); a null or empty criterion matches anything, but a condition needs at
 * least one. A failure without the feature a criterion looks at (no status, no code, no message) does not
 * match it. {@code messageContains} compares case-insensitively ({@link Locale#ROOT} lower case; Chinese is
 * a plain substring); {@code messageMatches} is a Java regular expression found anywhere in the message,
 * compiled once and bounded against catastrophic backtracking (see {@link Regexes}).
 *
 * <p>Validation: {@link #check} reports every problem as a {@link Violation} whose field starts with the
 * caller's prefix (e.g. {@code rules[2].when.messageMatches}); the constructor throws an
 * {@link IllegalArgumentException} listing the same violations under the prefix {@code when}.
 *
 * @param kinds           any of these kinds; immutable, in input order
 * @param httpStatuses    any of these statuses, 100 to 599; immutable, in input order
 * @param codes           any of these downstream codes, compared exactly, 1 to 64 characters each
 * @param messageContains any of these texts, 1 to 200 characters, not blank; immutable, as given
 * @param messageMatches  a regular expression of at most 500 characters, or null ({@code ""} becomes null)
 */
public record RuleCondition(Set<FailureKind> kinds, Set<Integer> httpStatuses, Set<String> codes,
                            List<String> messageContains, String messageMatches) {

    private static final int MAX_CODE = 64;
    private static final int MAX_CONTAINS = 200;
    private static final int MAX_REGEX = 500;

    /**
     * Validates the condition and copies its criteria.
     *
     * @throws IllegalArgumentException listing the violations of {@link #check} under the prefix {@code when}
     */
    public RuleCondition {
        List<Violation> violations = check("when", kinds, httpStatuses, codes, messageContains, messageMatches);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", violations.stream()
                    .map(v -> v.field() + " " + v.message()).toList()));
        }
        kinds = orderedCopy(kinds);
        httpStatuses = orderedCopy(httpStatuses);
        codes = orderedCopy(codes);
        messageContains = messageContains == null ? List.of() : List.copyOf(messageContains);
        messageMatches = messageMatches == null || messageMatches.isEmpty() ? null : messageMatches;
    }

    /**
     * The reasons the given criteria cannot form a condition, for reporting before constructing one. Fields
     * are {@code fieldPrefix} followed by {@code .kinds}, {@code .httpStatuses}, {@code .codes},
     * {@code .messageContains} or {@code .messageMatches}; a condition without any criterion is reported on
     * {@code fieldPrefix} itself. Messages name rules, never the values.
     *
     * @param fieldPrefix the path of the condition in the caller's input, e.g. {@code rules[2].when}; not blank
     * @return the violations; empty when the criteria are acceptable
     */
    public static List<Violation> check(String fieldPrefix, Collection<FailureKind> kinds,
                                        Collection<Integer> httpStatuses, Collection<String> codes,
                                        List<String> messageContains, String messageMatches) {
        List<Violation> violations = new ArrayList<>();
        String p = fieldPrefix + ".";
        if (anyBad(kinds, Objects::isNull)) {
            violations.add(new Violation(p + "kinds", "must not contain null"));
        }
        if (anyBad(httpStatuses, s -> s == null || s < 100 || s > 599)) {
            violations.add(new Violation(p + "httpStatuses", "must be HTTP statuses from 100 to 599"));
        }
        if (anyBad(codes, c -> c == null || c.isEmpty() || c.length() > MAX_CODE)) {
            violations.add(new Violation(p + "codes", "must each be 1 to " + MAX_CODE + " characters"));
        }
        if (anyBad(messageContains, t -> t == null || t.isBlank() || t.length() > MAX_CONTAINS)) {
            violations.add(new Violation(p + "messageContains", "must each be 1 to " + MAX_CONTAINS
                    + " characters and not blank"));
        }
        checkRegex(p + "messageMatches", messageMatches).ifPresent(violations::add);
        if (isEmpty(kinds) && isEmpty(httpStatuses) && isEmpty(codes) && isEmpty(messageContains)
                && (messageMatches == null || messageMatches.isEmpty())) {
            violations.add(new Violation(fieldPrefix, "needs at least one of kinds, httpStatuses, codes, "
                    + "messageContains, messageMatches"));
        }
        return List.copyOf(violations);
    }

    /** Whether {@code failure} meets every given criterion. */
    public boolean matches(Failure failure) {
        Objects.requireNonNull(failure, "failure");
        return matches(failure, lowerCase(failure.message()));
    }

    /**
     * Whether {@code failure} meets every given criterion, its message already lower-cased: a classifier tries
     * many conditions on one failure and lowercases a long message once, not once per rule.
     *
     * @param lowerMessage {@link #lowerCase} of {@code failure.message()}
     */
    public boolean matches(Failure failure, String lowerMessage) {
        Objects.requireNonNull(failure, "failure");
        return (kinds.isEmpty() || kinds.contains(failure.kind()))
                && (httpStatuses.isEmpty() || has(httpStatuses, failure.httpStatus()))
                && (codes.isEmpty() || has(codes, failure.code()))
                && (messageContains.isEmpty() || lowerMessage != null && containsAny(lowerMessage))
                && (messageMatches == null || failure.message() != null
                        && Regexes.find(messageMatches, failure.message()));
    }

    private static <T> boolean has(Set<T> values, T value) {
        return value != null && values.contains(value);
    }

    /** A message as {@code messageContains} compares it ({@link Locale#ROOT} lower case); null stays null. */
    public static String lowerCase(String message) {
        return message == null ? null : message.toLowerCase(Locale.ROOT);
    }

    private boolean containsAny(String lower) {
        for (String text : messageContains) {
            if (lower.contains(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Violation> checkRegex(String field, String regex) {
        if (regex == null || regex.isEmpty()) {
            return Optional.empty();
        }
        if (regex.length() > MAX_REGEX) {
            return Optional.of(new Violation(field, "must be at most " + MAX_REGEX + " characters"));
        }
        try {
            Regexes.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(new Violation(field, "must be a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")"));
        }
    }

    private static <T> boolean anyBad(Collection<T> values, Predicate<T> bad) {
        return values != null && values.stream().anyMatch(bad);
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }

    private static <T> Set<T> orderedCopy(Collection<T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
