package dev.baton.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in insurer for the local stack, so the sync walkthrough needs nothing external. {@code POST
 * /proposals} answers like a typical underwriting API in the current mode; {@code POST /mode} with a body of
 * {@code up}, {@code busy}, {@code down}, {@code invalid} or {@code reject} switches it. The same
 * {@code Idempotency-Key} always gets the same proposal number, as a well-behaved downstream does.
 */
public final class LocalInsurer implements AutoCloseable {

    private final HttpServer server;
    private volatile String mode = "up";
    private final Map<String, String> proposals = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Serves on {@code port} (loopback). */
    public LocalInsurer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/proposals", this::proposal);
        server.createContext("/mode", this::mode);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void proposal(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            switch (mode) {
                case "busy" -> write(exchange, 200, "{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}");
                case "down" -> write(exchange, 503, "<html><head><title>503 Service Temporarily Unavailable</title>"
                        + "</head><body>openresty</body></html>");
                case "invalid" -> write(exchange, 400, "{\"code\":\"E001\",\"msg\":\"证件号码格式错误\"}");
                case "reject" -> write(exchange, 200, "{\"code\":\"1001\",\"msg\":\"核保不通过：不符合投保条件\"}");
                default -> write(exchange, 200, "{\"code\":\"0000\",\"msg\":\"成功\",\"data\":{\"proposalNo\":\""
                        + proposals.computeIfAbsent(key == null ? "none" : key,
                        k -> "P" + (100000 + proposals.size() + 1)) + "\"}}");
            }
        }
    }

    private void mode(HttpExchange exchange) throws IOException {
        try (exchange) {
            String wanted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
            if ("POST".equals(exchange.getRequestMethod()) && wanted.matches("up|busy|down|invalid|reject")) {
                mode = wanted;
            }
            write(exchange, 200, "{\"mode\":\"" + mode + "\",\"calls\":" + calls.get() + "}");
        }
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
