package dev.baton.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.baton.local.EmbeddedBackends;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for EventBridge's PutEvents (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}) in the test JVM:
 * records every entry and accepts them, or refuses every call with a 500 while {@link #failing} is set.
 */
public class FakeEventBridge implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> ENTRIES = new ArrayList<>();
    private static volatile boolean failing;
    private static HttpServer server;

    /** Every entry accepted so far. */
    public static synchronized List<JsonNode> entries() {
        return List.copyOf(ENTRIES);
    }

    /** True: answer every PutEvents with a 500. */
    public static void failing(boolean value) {
        failing = value;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                byte[] answer;
                int status;
                if (failing) {
                    status = 500;
                    answer = "{\"__type\":\"InternalException\",\"message\":\"down\"}".getBytes(StandardCharsets.UTF_8);
                } else {
                    synchronized (FakeEventBridge.class) {
                        request.path("Entries").forEach(ENTRIES::add);
                    }
                    status = 200;
                    String ids = "{\"EventId\":\"e\"},".repeat(request.path("Entries").size());
                    answer = ("{\"FailedEntryCount\":0,\"Entries\":[" + ids.replaceAll(",$", "") + "]}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        // Baton's clients take region and credentials from the SDK's default chains
        EmbeddedBackends.useLocalIdentity();
        return Map.of("baton.events.endpoint", "http://localhost:" + server.getAddress().getPort(),
                "baton.events.bus", "baton-events-test");
    }

    @Override
    public void stop() {
        // shared by the profile's tests; the JVM's exit stops it
    }
}
