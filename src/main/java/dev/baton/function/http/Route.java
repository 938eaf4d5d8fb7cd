package dev.baton.function.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One route: a method, a path template such as {@code /v1/orders/{id}}, the scopes of which a caller needs one,
 * the query parameters it accepts, and the handler that answers it. Templates are the same strings as the SAM
 * template's {@code HttpApi} events and the OpenAPI paths.
 */
public record Route(String method, String template, java.util.Set<String> scopes, java.util.Set<String> query,
                    Function<HttpRequest, HttpResponse> handler) {

    public Route {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with /: " + template);
        }
        scopes = java.util.Set.copyOf(scopes);
        query = java.util.Set.copyOf(query);
    }

    /** The query parameters of {@code request} this route does not accept, sorted. */
    public java.util.SortedSet<String> unknownQuery(HttpRequest request) {
        java.util.SortedSet<String> unknown = new java.util.TreeSet<>(request.query().keySet());
        unknown.removeAll(query);
        return unknown;
    }

    /** The parameters this template captures from a path, or empty when the path does not match. */
    public Optional<Map<String, String>> match(String path) {
        List<String> want = segments(template);
        List<String> got = segments(path);
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                String value = decode(got.get(i));
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                params.put(w.substring(1, w.length() - 1), value);
            } else if (!w.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static List<String> segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.split("/", -1));
    }

    /** URL-decodes one segment; a malformed escape makes the path match nothing (404), never a 5xx. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
