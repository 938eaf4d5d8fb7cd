package dev.baton.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in insurer, so the sync walkthrough needs nothing external and the crash-point suite has a downstream
 * that records what it accepted ({@link #ledger()}) and outlives stack restarts. {@code POST /proposals} answers
 * like a typical underwriting API in the current mode; {@code POST /mode} with a body of {@code up}, {@code busy},
 * {@code down}, {@code invalid}, {@code reject}, {@code odd} (an answer no default rule knows), {@code slow [ms]} (accepts, answers after ms), {@code drip [ms]}
 * (accepts, sends its headers at once and its body one byte every ms) or {@code hold} (accepts only when released
 * by {@code POST /release} or a mode change, then answers if the caller is still there) switches it.
 */
public final class LocalInsurer implements AutoCloseable {

    private static final String MODES = "up|busy|busy-gbk|busy-gbk-unlabelled|down|invalid|reject|odd|hold|(slow|drip)( \\d{1,6})?";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-insurer");
        t.setDaemon(true);
        return t;
    });
    private final InsurerLedger ledger = new InsurerLedger();
    private final AtomicInteger holding = new AtomicInteger();
    private volatile String mode = "up";
    private volatile long millis;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Serves on {@code port} (loopback); 0 picks a free one. */
    public LocalInsurer(int port) throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200));
    }

    /**
     * Serves HTTPS on {@code port} (loopback; 0 picks a free one) with the key of {@code tls}: a downstream over
     * TLS, as deployed insurers are (the native suite proves the functions' HTTPS client with it).
     */
    public LocalInsurer(int port, javax.net.ssl.SSLContext tls) throws IOException {
        this(https(port, tls));
    }

    private static HttpServer https(int port, javax.net.ssl.SSLContext tls) throws IOException {
        com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
                new InetSocketAddress("127.0.0.1", port), 200);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        return server;
    }

    private LocalInsurer(HttpServer server) {
        this.server = server;
        server.createContext("/proposals", this::proposal);
        server.createContext("/mode", this::mode);
        server.createContext("/release", exchange -> {
            try (exchange) {
                release();
                InsurerAnswers.write(exchange, 200, "{\"released\":true}", 0);
            }
        });
        // slow, dripping and held answers must not block the others (the JDK server's default is one thread)
        server.setExecutor(workers);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What it has received and accepted. */
    public InsurerLedger ledger() {
        return ledger;
    }

    /** Switches the mode ({@code "slow 2000"}, {@code "up"}, ...); any change releases held submissions. */
    public synchronized void mode(String wanted) {
        if (!wanted.matches(MODES)) {
            throw new IllegalArgumentException("unknown insurer mode: " + wanted);
        }
        String[] parts = wanted.split(" ");
        release();
        // the new gate before the new mode: a submission that sees "hold" must never pass an old, open gate
        gate = "hold".equals(parts[0]) ? new CountDownLatch(1) : gate;
        millis = parts.length > 1 ? Long.parseLong(parts[1]) : "drip".equals(parts[0]) ? 200 : 3000;
        mode = parts[0];
    }

    /** Lets every held submission be accepted (and answered, if its caller is still connected). */
    public void release() {
        gate.countDown();
    }

    /** Submissions waiting in {@code hold} mode right now. */
    public int holding() {
        return holding.get();
    }

    private void proposal(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ledger.received();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String current = mode;
            long delay = millis;
            switch (current) {
                case "busy" -> InsurerAnswers.write(exchange, 200, InsurerAnswers.BUSY, 0);
                // the same answer in GBK, as many Chinese insurers send it: labelled, and not
                case "busy-gbk" -> InsurerAnswers.write(exchange, 200, InsurerAnswers.BUSY,
                        "application/json;charset=GBK", Charset.forName("GBK"), 0);
                case "busy-gbk-unlabelled" -> InsurerAnswers.write(exchange, 200, InsurerAnswers.BUSY,
                        "application/json", Charset.forName("GBK"), 0);
                case "down" -> InsurerAnswers.write(exchange, 503, InsurerAnswers.GATEWAY_PAGE, 0);
                case "invalid" -> InsurerAnswers.write(exchange, 400, InsurerAnswers.INVALID, 0);
                case "reject" -> InsurerAnswers.write(exchange, 200, InsurerAnswers.REJECTED, 0);
                case "odd" -> InsurerAnswers.write(exchange, 200, InsurerAnswers.ODD, 0);
                case "hold" -> {
                    awaitRelease();
                    InsurerAnswers.write(exchange, 200, accepted(key, body), 0);
                }
                case "slow" -> {
                    InsurerAnswers.pause(delay);
                    InsurerAnswers.write(exchange, 200, accepted(key, body), 0);
                }
                case "drip" -> InsurerAnswers.write(exchange, 200, accepted(key, body), delay);
                default -> InsurerAnswers.write(exchange, 200, accepted(key, body), 0);
            }
        } catch (IOException callerGone) {
            // the caller hung up (timed out or was killed): what was accepted stays accepted, as at a real insurer
        }
    }

    private String accepted(String key, String body) {
        String reference = ledger.accept(key == null ? "none" : key, InsurerLedger.orderIdOf(body));
        return "{\"code\":\"0000\",\"msg\":\"成功\",\"data\":{\"proposalNo\":\"" + reference + "\"}}";
    }

    private void awaitRelease() throws IOException {
        holding.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped while holding", e);
        } finally {
            holding.decrementAndGet();
        }
    }

    private void mode(HttpExchange exchange) throws IOException {
        try (exchange) {
            String wanted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
            if ("POST".equals(exchange.getRequestMethod()) && wanted.matches(MODES)) {
                mode(wanted);
            }
            InsurerAnswers.write(exchange, 200, "{\"mode\":\"" + mode + "\",\"calls\":" + ledger.calls() + "}", 0);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        workers.shutdownNow();
    }
}
