package dev.baton.shared.app;

/** The named resource does not exist; answered as 404. The message is shown to callers: no personal data. */
public class NotFoundException extends RuntimeException {

    /** A not-found failure with a caller-facing detail. */
    public NotFoundException(String detail) {
        super(detail);
    }
}
