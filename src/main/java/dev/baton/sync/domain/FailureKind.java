package dev.baton.sync.domain;

/** How a downstream call failed: the first feature every classification rule can look at. */
public enum FailureKind {
    /** No answer within the downstream's timeout. */
    TIMEOUT,
    /** The connection was refused, reset or could not be made (DNS, TLS, routing). */
    CONNECTION,
    /** The downstream answered with a non-2xx HTTP status. */
    HTTP_STATUS,
    /** The downstream answered 2xx, but its own result code is not one of its success codes. */
    DOWNSTREAM_CODE
}
