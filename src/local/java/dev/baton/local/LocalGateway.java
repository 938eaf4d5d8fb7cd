package dev.baton.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the API Gateway HTTP API: the routes of {@code template.yaml}, each sending a
 * payload-2.0 event to its function and writing back the function's API Gateway v2 response. Like API
 * Gateway, the most specific route wins, and {@code /{proxy+}} catches the rest.
 */
public final class LocalGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A route of the template bound to the function that serves it; {@code scopes} empty: no authorizer. */
    public record Binding(String method, String template, List<String> scopes, RuntimeApiEmulator function) {
    }

    private final HttpServer server;
    private final List<Binding> bindings;
    private final Optional<JwtVerifier> jwt;

    /** Serves {@code bindings} on {@code port} (loopback only), verifying tokens when {@code jwt} is given. */
    public LocalGateway(int port, List<Binding> bindings, Optional<JwtVerifier> jwt) throws IOException {
        this.jwt = jwt;
        this.bindings = new ArrayList<>(bindings);
        // Literal segments beat parameters, and {proxy+} comes last, as in API Gateway's route selection.
        this.bindings.sort(Comparator.comparingInt((Binding b) -> b.template().contains("+}") ? 1 : 0)
                .thenComparing(b -> -literalSegments(b.template())));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        this.server.setExecutor(Executors.newFixedThreadPool(32));
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Optional<Map.Entry<Binding, Map<String, String>>> match = match(method, path);
            if (match.isEmpty()) {
                write(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Binding binding = match.get().getKey();
            ObjectNode event = event(exchange, method, path, binding, match.get().getValue());
            if (jwt.isPresent() && !binding.scopes().isEmpty() && !authorize(exchange, binding, event)) {
                return;
            }
            JsonNode response = JSON.readTree(binding.function().invoke(event.toString()).get());
            Map<String, String> headers = new HashMap<>();
            response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            String body = response.path("body").isNull() ? "" : response.path("body").asText();
            byte[] bytes = response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            write(exchange, response.path("statusCode").asInt(200), headers, bytes);
        } catch (ExecutionException e) {
            write(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What API Gateway's JWT authorizer does: 401 without a valid token, 403 without a route scope. */
    private boolean authorize(HttpExchange exchange, Binding binding, ObjectNode event) throws IOException {
        var verified = jwt.get().verify(exchange.getRequestHeaders().getFirst("authorization"));
        if (verified.isEmpty()) {
            write(exchange, 401, Map.of("content-type", "application/json"), "{\"message\":\"Unauthorized\"}");
            return false;
        }
        if (verified.get().scopes().stream().noneMatch(binding.scopes()::contains)) {
            write(exchange, 403, Map.of("content-type", "application/json"), "{\"message\":\"Forbidden\"}");
            return false;
        }
        ObjectNode token = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        ObjectNode claims = token.putObject("claims");
        verified.get().claims().forEach(claims::put);
        verified.get().scopes().forEach(token.putArray("scopes")::add);
        return true;
    }

    private Optional<Map.Entry<Binding, Map<String, String>>> match(String method, String path) {
        for (Binding b : bindings) {
            if (!b.method().equals(method) && !b.method().equals("ANY")) {
                continue;
            }
            Optional<Map<String, String>> params = PathTemplates.match(b.template(), path);
            if (params.isPresent()) {
                return Optional.of(Map.entry(b, params.get()));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode event(HttpExchange exchange, String method, String path, Binding binding,
                                    Map<String, String> params) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String text = raw.length == 0 ? null : utf8(raw);
        ObjectNode event = ApiEvents.event(method, path, exchange.getRequestURI().getRawQuery(), headers,
                text, method.equals(binding.method()) ? method + " " + binding.template()
                        : "ANY " + binding.template(), params);
        if (raw.length > 0 && text == null) {
            // API Gateway base64-encodes bodies that are not text
            event.put("body", Base64.getEncoder().encodeToString(raw));
            event.put("isBase64Encoded", true);
        }
        return event;
    }

    private static String utf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void write(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        write(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int literalSegments(String template) {
        return (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
