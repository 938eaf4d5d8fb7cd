package dev.baton.sync.domain;

import java.time.Duration;

/**
 * The features of one failed downstream call: how it failed, the HTTP status, the downstream's own code
 * and message (often Chinese), and the {@code Retry-After} it asked for. Messages can echo customer data,
 * so {@link #toString()} shows only their length.
 */
public record Failure(FailureKind kind, Integer httpStatus, String code, String message, Duration retryAfter) {

    /** Longest message kept. */
    public static final int MAX_MESSAGE = 1000;

    public Failure {
        if (kind == null) {
            throw new IllegalArgumentException("failure kind is required");
        }
        if (message != null) {
            message = message.strip();
            message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        }
    }

    @Override
    public String toString() {
        return "Failure[kind=" + kind + ", httpStatus=" + httpStatus + ", code=" + (code == null ? 0 : code.length())
                + " chars, message=" + (message == null ? 0 : message.length()) + " chars, retryAfter=" + retryAfter
                + "]";
    }
}
