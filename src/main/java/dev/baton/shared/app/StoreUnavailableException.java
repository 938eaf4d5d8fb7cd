package dev.baton.shared.app;

/**
 * A backing store (DynamoDB, SQS) failed in a way that is not the caller's fault; answered as 503 with
 * nothing changed by this request. The message names the operation and key, never personal data.
 */
public class StoreUnavailableException extends RuntimeException {

    /** A failure of {@code operation} on {@code key}. */
    public StoreUnavailableException(String operation, String key, Throwable cause) {
        super(operation + " failed for " + key + ": " + cause.getClass().getSimpleName(), cause);
    }
}
