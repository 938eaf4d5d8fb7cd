package dev.baton.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Lambda Runtime API (the {@code /2018-06-01/runtime} endpoints a Lambda runtime polls) for one
 * function, on loopback. The packaged {@code function.zip} application runs unchanged against it with
 * {@code AWS_LAMBDA_RUNTIME_API} pointing here, exactly as in Lambda.
 * See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 */
public final class RuntimeApiEmulator implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    private final String functionName;
    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
    private final CountDownLatch firstPoll = new CountDownLatch(1);
    private volatile long firstPollNanos;
    private final Duration timeout;

    private record Invocation(String id, String event, CompletableFuture<String> result) {
    }

    /** Starts the emulator on a free loopback port for {@code functionName} with the function's timeout. */
    public RuntimeApiEmulator(String functionName, Duration timeout) throws IOException {
        this.functionName = functionName;
        this.timeout = timeout;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + functionName);
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext(BASE, this::handle);
        this.server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until the function has asked for its first invocation (it is initialised). */
    public boolean awaitReady(Duration wait) throws InterruptedException {
        return firstPoll.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@link System#nanoTime()} when the function first asked for an invocation (its init was done), or 0 before;
     * the start-up benchmark splits a cold start's first answer into init and first invocation with it.
     */
    public long firstPollNanos() {
        return firstPollNanos;
    }

    /**
     * Queues one invocation; the future completes with the function's response JSON, or exceptionally
     * with {@link FunctionErrorException} when the function reported an error.
     */
    public CompletableFuture<String> invoke(String eventJson) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
        inFlight.put(invocation.id(), invocation.result());
        pending.add(invocation);
        return invocation.result().orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> inFlight.remove(invocation.id()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        try (exchange) {
            if (path.equals("invocation/next")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, false);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, true);
            } else if (path.equals("init/error")) {
                System.err.println("[" + functionName + "] init error: " + read(exchange.getRequestBody()));
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        if (firstPoll.getCount() > 0) {
            firstPollNanos = System.nanoTime();
            firstPoll.countDown();
        }
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        byte[] body = invocation.event().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:" + EmbeddedBackends.REGION + ":000000000000:function:" + functionName);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-" + invocation.id().replace("-", "").substring(0, 8));
        headers.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void complete(HttpExchange exchange, String path, boolean error) throws IOException {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        String body = read(exchange.getRequestBody());
        CompletableFuture<String> result = inFlight.get(id);
        if (result != null) {
            if (error) {
                result.completeExceptionally(new FunctionErrorException(functionName, body));
            } else {
                result.complete(body);
            }
        }
        exchange.sendResponseHeaders(202, -1);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The function reported an invocation error (an uncaught exception). */
    public static final class FunctionErrorException extends RuntimeException {
        FunctionErrorException(String function, String body) {
            super(function + " failed: " + body);
        }
    }
}
