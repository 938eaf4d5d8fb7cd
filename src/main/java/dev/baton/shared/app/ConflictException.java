package dev.baton.shared.app;

/**
 * The request conflicts with the current state (a lost race, a stale owner, an out-of-order step);
 * answered as 409 with nothing changed. The message is shown to callers: no personal data.
 */
public class ConflictException extends RuntimeException {

    private final String reason;

    /** A conflict with a short machine-readable reason slug (e.g. {@code not-owner}) and a detail. */
    public ConflictException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** The reason slug, used as the problem type. */
    public String reason() {
        return reason;
    }
}
