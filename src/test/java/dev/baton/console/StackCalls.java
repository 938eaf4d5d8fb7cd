package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.baton.local.LocalBaton;

/** What the browser tests do through the API and the stand-in insurer rather than the page. */
final class StackCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalBaton baton;

    StackCalls(LocalBaton baton) {
        this.baton = baton;
    }

    /** Publishes a new version of a flow of {@code type} with these node ids, each named after its id. */
    void flow(String type, String platform, String... nodeIds) throws Exception {
        String nodes = java.util.Arrays.stream(nodeIds).map(id -> "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        api("PUT", "/v1/business-types/" + type + "/flows/" + platform, "{\"nodes\":[" + nodes + "]}", 201);
    }

    /** Publishes a new mapping version of {@code type}; each link is {@code "from>to"}. */
    void mapping(String type, String base, String associated, String... links) throws Exception {
        String body = java.util.Arrays.stream(links).map(l -> l.split(">"))
                .map(l -> "{\"from\":\"" + l[0] + "\",\"to\":[\"" + l[1] + "\"]}")
                .collect(java.util.stream.Collectors.joining(",", "{\"links\":[", "]}"));
        api("PUT", "/v1/business-types/" + type + "/mappings/" + base + "/" + associated, body, 201);
    }

    /** {@code count} nodes {@code prefix0}, {@code prefix1}, … as a flow body. */
    static String nodesJson(String prefix, int count) {
        StringBuilder json = new StringBuilder("{\"nodes\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(prefix).append(i)
                    .append("\",\"name\":\"Step ").append(i).append("\"}");
        }
        return json.append("]}").toString();
    }

    void completeOnPhone(String orderId, String node, String data) throws Exception {
        api("POST", "/v1/orders/" + orderId + "/nodes/" + node + "/complete",
                "{\"platform\":\"phone\",\"terminalId\":\"agent-0042\",\"data\":" + data + "}", 200);
    }

    String api(String method, String path, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baton.baseUri() + path))
                .header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    void insurer(String mode) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(baton.insurerUri() + "/mode"))
                .POST(HttpRequest.BodyPublishers.ofString(mode)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
