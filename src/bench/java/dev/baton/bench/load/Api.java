package dev.baton.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Baton's HTTP API and the stand-in insurer's mode switch, with each call timed into {@link Latencies}. */
final class Api {

    /** One answer. */
    record Answer(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final URI insurer;

    Api(URI base, URI insurer) {
        this.base = base;
        this.insurer = insurer;
    }

    URI insurer() {
        return insurer;
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Sends and records the latency of {@code op}; a status other than {@code expected} counts as an error. */
    Answer timed(Latencies into, String op, int expected, String method, String path, String json)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Answer answer = send(method, path, json);
        into.record(op, System.nanoTime() - start, answer.status() == expected);
        return answer;
    }

    /** Switches the stand-in insurer: up, busy, down, invalid or reject. */
    void insurerMode(String mode) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(insurer.resolve("/mode")).POST(HttpRequest.BodyPublishers.ofString(mode))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The number of proposals the stand-in insurer has been sent. */
    long insurerCalls() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(insurer.resolve("/mode")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(body.replaceAll(".*\"calls\":(\\d+).*", "$1").strip());
    }

    /** Fails unless the answer has the expected status (setup calls). */
    static Answer expect(Answer answer, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return answer;
            }
        }
        throw new IllegalStateException("unexpected " + answer.status() + ": " + answer.body());
    }
}
