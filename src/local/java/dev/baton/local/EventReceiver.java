package dev.baton.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in webhook receiver (what a call-centre desktop or app backend would run): checks each POST's signature
 * ({@link WebhookSignature}), refuses a bad one with 401, answers 204, prints one line per event and marks a
 * redelivery (same event id) as a duplicate instead of acting twice. {@code infra/local/receiver.sh} runs it;
 * tests use it to count what arrived. {@link #failing(boolean)} makes it answer 503, to test retries.
 */
public final class EventReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private volatile boolean failing;
    private volatile boolean quiet;

    /** Listens on {@code port} (0: a free one), verifying with {@code secret}. */
    public EventReceiver(int port, String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Runs the receiver: port {@code BATON_RECEIVER_PORT} (default 8082), secret {@code BATON_EVENT_WEBHOOK_SECRET}
     * (default the local stack's default), until stopped.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("BATON_RECEIVER_PORT", "8082"));
        String secret = System.getenv().getOrDefault("BATON_EVENT_WEBHOOK_SECRET", "");
        try (EventReceiver receiver = new EventReceiver(port, secret.isBlank() ? "local-webhook-secret" : secret,
                Clock.systemUTC())) {
            System.out.println("Event receiver on http://localhost:" + receiver.port() + "/events (verifying "
                    + "X-Baton-Signature)");
            Thread.currentThread().join();
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** True: answer 503 to every delivery (the webhook is down). */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** True: print nothing (tests). */
    public EventReceiver quiet() {
        this.quiet = true;
        return this;
    }

    /** Every accepted delivery's event, duplicates included, in arrival order. */
    public synchronized List<JsonNode> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        int status;
        if (!WebhookSignature.verify(secret, headers.getFirst(WebhookSignature.TIMESTAMP), body,
                headers.getFirst(WebhookSignature.SIGNATURE), clock.instant().getEpochSecond())) {
            status = 401;
            print("REFUSED a delivery with a bad or stale signature");
        } else if (failing) {
            status = 503;
        } else {
            status = 204;
            accept(json.readTree(body));
        }
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            exchange.close();
        }
    }

    private synchronized void accept(JsonNode event) {
        received.add(event);
        boolean duplicate = !ids.add(event.path("id").asText());
        print("event " + event.path("type").asText() + " order " + event.path("orderId").asText() + " "
                + event.path("stream").asText() + "#" + event.path("sequence").asText() + " " + event.path("state")
                + (duplicate ? " (duplicate " + event.path("id").asText() + ", ignored)" : ""));
    }

    private void print(String line) {
        if (!quiet) {
            System.out.println(line);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
