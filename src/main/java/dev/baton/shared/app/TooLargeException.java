package dev.baton.shared.app;

/** What the caller asked for would make a stored item larger than Baton allows; answered as 413, nothing written. */
public class TooLargeException extends RuntimeException {

    /** A size failure with a caller-facing detail. */
    public TooLargeException(String detail) {
        super(detail);
    }
}
