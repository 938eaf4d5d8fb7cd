package dev.baton.crash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the crash suite and the soak do through Baton's HTTP API, as any client would. */
final class BatonClient {

    /** Sync states an order stays in unless a person acts; every other state is still moving. */
    static final Set<String> FINAL = Set.of("SYNCED", "DEAD", "NEEDS_REVIEW", "INVALID", "REJECTED");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    BatonClient(URI base) {
        this.base = base;
    }

    /** Publishes a downstream at {@code endpoint} that retries quickly: 1–2 s apart, {@code attempts} times. */
    void downstream(String name, URI endpoint, int timeoutMs, int attempts) throws Exception {
        call("PUT", "/v1/downstreams/" + name, "{\"endpoint\":\"" + endpoint + "\",\"timeoutMs\":" + timeoutMs
                + ",\"codePointer\":\"/code\",\"successCodes\":[\"0000\"],\"messagePointer\":\"/msg\","
                + "\"referencePointer\":\"/data/proposalNo\",\"retry\":{\"maxAttempts\":" + attempts
                + ",\"baseDelaySeconds\":1,\"maxDelaySeconds\":2,\"deadlineSeconds\":3600}}", 200, 201);
    }

    void createOrder(String orderId) throws Exception {
        call("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\",\"data\":{\"applicant\":\"crash suite\"}}", 201);
    }

    /** Asks for a sync without waiting for the answer (the stack may die before it gives one). */
    CompletableFuture<HttpResponse<String>> syncInBackground(String orderId, String downstream) {
        return http.sendAsync(request("POST", "/v1/orders/" + orderId + "/sync", "{\"downstream\":\"" + downstream
                + "\"}"), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for a sync and answers the HTTP status (a client retrying after a crash does this). */
    int sync(String orderId, String downstream) throws Exception {
        return syncInBackground(orderId, downstream).get().statusCode();
    }

    void redrive(String orderId) throws Exception {
        call("POST", "/v1/orders/" + orderId + "/redrive", "", 200, 202);
    }

    /** The order's sync state, e.g. {@code SYNCED}. */
    String syncState(String orderId) throws Exception {
        JsonNode order = JSON.readTree(call("GET", "/v1/orders/" + orderId, null, 200));
        return order.hasNonNull("syncState") ? order.get("syncState").asText() : order.path("sync").path("state")
                .asText();
    }

    /** Each order's sync state, by order id. */
    Map<String, String> syncStates(Collection<String> orderIds) throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (String id : orderIds) {
            states.put(id, syncState(id));
        }
        return states;
    }

    /**
     * Waits (bounded) until every order is in a final state and answers the states then; an order not final
     * at the limit is answered as it is (stuck).
     */
    Map<String, String> awaitFinal(Collection<String> orderIds, Duration limit) throws Exception {
        Map<String, String> last = new TreeMap<>();
        try {
            Poll.until("every order in a final state", limit, () -> {
                last.putAll(syncStates(orderIds));
                return last.values().stream().allMatch(FINAL::contains);
            });
        } catch (AssertionError stuck) {
            // answered with the non-final states in it: the caller reports them as stuck
        }
        return last;
    }

    private String call(String method, String path, String body, int... expected) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_LIMIT)
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
