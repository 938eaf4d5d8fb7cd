package dev.baton.sync.domain;

/** How a downstream call failed. */
public enum FailureKind {
    /** No answer within the downstream's timeout. */
    TIMEOUT,
    /** The connection was refused, reset or could not be made. */
    CONNECTION,
    /** The downstream answered with a non-2xx HTTP status. */
    HTTP_STATUS,
    /** The downstream answered 2xx, but its own result code is not a success code. */
    DOWNSTREAM_CODE
}
