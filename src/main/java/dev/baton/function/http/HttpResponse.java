package dev.baton.function.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response before it becomes an API Gateway v2 response.
 *
 * @param status  HTTP status code
 * @param headers response headers
 * @param body    serialized body, or {@code null} for none
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * Answers carry orders, personal data and settings: no browser, proxy or CDN keeps a copy (a shared call-centre
     * desktop's cache would otherwise hold the last customer's data).
     */
    public static final String NO_STORE = "no-store";

    /** A JSON response. */
    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, Map.of("content-type", JSON, "cache-control", NO_STORE), body);
    }

    /** The same response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }
}
