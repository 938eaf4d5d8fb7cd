package dev.baton.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** The stand-in insurer's canned answers, and how it writes them: at once, or dripping one byte at a time. */
final class InsurerAnswers {

    /** A busy system, answered with HTTP 200 as many insurers do. */
    static final String BUSY = "{\"code\":\"9999\",\"msg\":\"系统繁忙，请稍后重试\"}";
    /** An upstream proxy's error page. */
    static final String GATEWAY_PAGE = "<html><head><title>503 Service Temporarily Unavailable</title></head>"
            + "<body>openresty</body></html>";
    static final String INVALID = "{\"code\":\"E001\",\"msg\":\"证件号码格式错误\"}";
    static final String REJECTED = "{\"code\":\"1001\",\"msg\":\"核保不通过：不符合投保条件\"}";
    /**
     * An answer neither the default rules nor the model can place ("result pending confirmation", a code no
     * corpus case has): {@code UNKNOWN}. (A start-date refusal in unfamiliar words, which this mode answered
     * before, is now recognised as {@code INVALID_DATA} by the model.)
     */
    static final String ODD = "{\"code\":\"ERR-917\",\"msg\":\"处理结果待确认\"}";

    private InsurerAnswers() {
    }

    /**
     * Writes {@code body} with {@code status}; with {@code dripMillis} > 0 the headers (with the full length) at
     * once and the body one byte every {@code dripMillis}, as a stalled upstream proxy does.
     */
    static void write(HttpExchange exchange, int status, String body, long dripMillis) throws IOException {
        write(exchange, status, body, body.startsWith("<") ? "text/html" : "application/json", StandardCharsets.UTF_8,
                dripMillis);
    }

    /** {@code body} encoded in {@code charset}, labelled {@code contentType} (which may or may not name it). */
    static void write(HttpExchange exchange, int status, String body, String contentType, Charset charset,
                      long dripMillis) throws IOException {
        byte[] bytes = body.getBytes(charset);
        exchange.getResponseHeaders().add("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (dripMillis <= 0) {
                out.write(bytes);
                return;
            }
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                pause(dripMillis);
            }
        }
    }

    /** Waits {@code millis}, the insurer's own processing time (not a test's wait for a condition). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
