package dev.baton.function.http;

import java.util.List;

import dev.baton.shared.domain.Violation;

/**
 * A client-facing failure that becomes an {@code application/problem+json} answer. The detail is shown
 * to the caller, so it must never contain personal data (mask identifiers first).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> errors;

    /** A problem with a status, a short type slug (e.g. {@code not-found}), a title and a detail. */
    public ApiException(int status, String type, String title, String detail, List<Violation> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the body is not JSON or not the JSON shape the route reads. */
    public static ApiException malformed(String detail) {
        return new ApiException(400, "malformed-request", "Malformed request", detail, List.of());
    }

    /** 404: the named thing does not exist. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, List.of());
    }

    /** 409: the request conflicts with the current state; nothing was changed. */
    public static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Conflict", detail, List.of());
    }

    /** 422: the request is well-formed but names invalid values; nothing was changed. */
    public static ApiException invalid(String detail, List<Violation> errors) {
        return new ApiException(422, "validation-failed", "Validation failed", detail, errors);
    }

    /** 413: the body is over the documented limit. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "payload-too-large", "Payload too large", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }
}
