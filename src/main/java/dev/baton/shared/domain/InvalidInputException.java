package dev.baton.shared.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A caller supplied input that breaks one or more rules. Carries the {@link Violation}s so the API can
 * answer with one error per field; the message lists the offending field names only, never their values,
 * so it is safe to log.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    /**
     * An exception for the given violations.
     *
     * @param violations at least one violation; copied
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public InvalidInputException(List<Violation> violations) {
        super(messageOf(violations));
        this.violations = List.copyOf(violations);
    }

    /** An exception for a single violation of {@code field}. */
    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** The violations, in the order they were found; immutable and never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String messageOf(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        return "invalid input: " + violations.stream().map(Violation::field).distinct()
                .collect(Collectors.joining(", "));
    }
}
