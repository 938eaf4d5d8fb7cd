package dev.baton.function.http;

import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as Baton's routes see it, decoded from an API Gateway HTTP API (payload 2.0) event.
 *
 * @param method      upper-case HTTP method
 * @param path        the path without the stage prefix, not URL-decoded
 * @param pathParams  path parameters captured by the matched route, URL-decoded (empty before routing)
 * @param query       query parameters, the first value of each
 * @param headers     headers with lower-case names
 * @param body        the body as UTF-8 text (base64 already decoded), empty when absent
 * @param requestId   API Gateway's request id, for logs and problem instances
 * @param principal   the verified caller, when the route has an authorizer
 */
public record HttpRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                          Map<String, String> headers, String body, String requestId, Optional<Principal> principal) {

    public HttpRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        principal = principal == null ? Optional.empty() : principal;
    }

    /** The same request with the path parameters of the matched route. */
    public HttpRequest withPathParams(Map<String, String> params) {
        return new HttpRequest(method, path, params, query, headers, body, requestId, principal);
    }

    /** A path parameter of the matched route; routes only declare parameters they capture. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route declares no path parameter " + name);
        }
        return value;
    }

    /** A query parameter, if present (an empty value is present: {@code ?version=} is not "no version"). */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
