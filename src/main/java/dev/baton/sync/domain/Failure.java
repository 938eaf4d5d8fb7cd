package dev.baton.sync.domain;

import java.time.Duration;

import dev.baton.shared.domain.Mask;

/**
 * The features of one failed downstream call: how it failed, the HTTP status, the downstream's own code and
 * message (often Chinese), and the {@code Retry-After} it asked for. Only {@code kind} is required.
 * Downstream messages can echo customer data (names, ID numbers), so {@link #toString()} never prints the
 * message or the code, only their lengths.
 *
 * @param kind       how the call failed; required
 * @param httpStatus the HTTP status, or null when there was no answer
 * @param code       the downstream's own result code, or null
 * @param message    the downstream's message, stripped and cut to {@value #MAX_MESSAGE} characters, or null
 * @param retryAfter the wait the downstream asked for, zero or more, or null
 */
public record Failure(FailureKind kind, Integer httpStatus, String code, String message, Duration retryAfter) {

    /** The longest message kept, in UTF-16 chars. */
    public static final int MAX_MESSAGE = 1000;

    /**
     * Validates the failure and normalises its message.
     *
     * @throws IllegalArgumentException when {@code kind} is missing or {@code retryAfter} is negative
     */
    public Failure {
        if (kind == null) {
            throw new IllegalArgumentException("failure kind is required");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("failure retryAfter must not be negative");
        }
        message = message == null ? null : cut(message.strip());
    }

    /** A failure of {@code kind} with no other features, e.g. a timeout. */
    public static Failure of(FailureKind kind) {
        return new Failure(kind, null, null, null, null);
    }

    /** Shows the kind, status, lengths of code and message, and {@code Retry-After}; never their text. */
    @Override
    public String toString() {
        return "Failure[kind=" + kind + ", httpStatus=" + httpStatus + ", codeLength=" + length(code)
                + ", messageLength=" + length(message) + ", retryAfter=" + retryAfter + "]";
    }

    private static String cut(String text) {
        // never split a surrogate pair or a number: half an ID number escapes masking
        return Mask.cut(text, MAX_MESSAGE);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
