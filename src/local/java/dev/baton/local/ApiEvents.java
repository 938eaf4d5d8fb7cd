package dev.baton.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds API Gateway HTTP API (payload 2.0) events the way API Gateway does for the {@code $default}
 * stage, so the local gateway and the tests invoke functions with real-shaped events.
 */
public final class ApiEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiEvents() {
    }

    /**
     * An event for one request.
     *
     * @param routeKey    the matched route, e.g. {@code POST /v1/orders}, or {@code $default}
     * @param rawQuery    the raw query string without '?', or empty
     * @param headers     request headers (names are sent lower-case, as API Gateway does)
     * @param body        the body text, or null
     * @param pathParams  the route's path parameters
     */
    public static ObjectNode event(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                   String body, String routeKey, Map<String, String> pathParams) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode h = event.putObject("headers");
        headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
        Map<String, String> query = QueryStrings.parse(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!pathParams.isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            pathParams.forEach(p::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.getOrDefault("user-agent", "baton-local"));
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** Query-string parsing the way API Gateway fills {@code queryStringParameters} (repeats joined by ','). */
    static final class QueryStrings {
        private QueryStrings() {
        }

        static Map<String, String> parse(String raw) {
            Map<String, String> out = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return out;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.merge(k, v, (a, b) -> a + "," + b);
            }
            return out;
        }

        private static String decode(String s) {
            try {
                return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
    }
}
