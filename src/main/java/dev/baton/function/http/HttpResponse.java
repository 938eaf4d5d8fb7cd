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

    /** A JSON response. */
    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, Map.of("content-type", JSON), body);
    }

    /** The same response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }
}
