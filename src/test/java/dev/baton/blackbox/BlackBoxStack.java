package dev.baton.blackbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.baton.crash.StackProcess;

/**
 * The local stack ({@code dev.baton.local.LocalMain}, what {@code infra/local/run.sh} runs, from
 * {@code target/function.zip}, or {@code target/function-native.zip} with {@code BATON_NATIVE=1} in the suite's
 * environment) as a separate process that a test talks to only over HTTP, like an outside
 * client would: its own data directory, free ports (read back from its banner), authentication on or off.
 * The start is awaited by reading the process's output, never by sleeping; output goes to
 * {@code target/blackbox-logs/<name>.log}.
 */
public final class BlackBoxStack implements AutoCloseable {

    /** How long a start may take at most (a bound on a failed start, not a timing assertion). */
    static final Duration START_LIMIT = Duration.ofSeconds(Long.getLong("baton.blackbox.start-seconds", 180));

    private static final Pattern READY = Pattern.compile("Baton local ready on (\\S+)");
    private static final Pattern INSURER = Pattern.compile("Local stand-in insurer on (\\S+)/proposals");

    private final Process process;
    private final Path log;
    private final URI base;
    private final URI insurer;

    private BlackBoxStack(Process process, Path log, URI base, URI insurer) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.insurer = insurer;
    }

    /** Starts a stack with {@code BATON_AUTH_MODE=jwt} verifying tokens of {@code tokens}. */
    public static BlackBoxStack withTokens(String name, Tokens tokens) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BATON_AUTH_MODE", "jwt");
        env.put("BATON_JWKS_FILE", tokens.jwksFile().toString());
        env.put("BATON_JWT_ISSUER", Tokens.ISSUER);
        env.put("BATON_JWT_AUDIENCE", Tokens.AUDIENCE);
        return start(name, env);
    }

    /** Starts a stack with authentication off (every caller trusted, the local default). */
    public static BlackBoxStack trusting(String name) throws Exception {
        return start(name, Map.of("BATON_AUTH_MODE", "off"));
    }

    private static BlackBoxStack start(String name, Map<String, String> extra) throws Exception {
        Path dataDir = Files.createTempDirectory("baton-blackbox-" + name);
        Path log = Path.of("target", "blackbox-logs", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(StackProcess.launcher()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BATON_"));
        env.put("BATON_PORT", "0");
        env.put("BATON_INSURER_PORT", "0");
        env.put("BATON_DATA_DIR", dataDir.toString());
        // BATON_NATIVE=1 in the suite's environment: the functions run as the native build's executables
        boolean nativeFunctions = "1".equals(System.getenv("BATON_NATIVE"));
        env.put("BATON_NATIVE", nativeFunctions ? "1" : "0");
        env.put("BATON_FUNCTION_ZIP", nativeFunctions ? "target/function-native.zip" : "target/function.zip");
        env.put("BATON_FUNCTION_DIR", dataDir.resolve("function").toString());
        env.put("BATON_SWEEP_SECONDS", "3600");
        env.putAll(extra);
        Process process = builder.start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        CompletableFuture<URI> insurer = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, ready, insurer), "blackbox-log-" + name);
        pump.setDaemon(true);
        pump.start();
        try {
            URI base = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            return new BlackBoxStack(process, log, base, insurer.getNow(null));
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("the stack " + name + " did not start; see " + log, e);
        }
    }

    /** Copies the stack's output to its log and completes the futures when the banner names the URIs. */
    private static void pump(Process process, Path log, CompletableFuture<URI> ready, CompletableFuture<URI> insurer) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = INSURER.matcher(line);
                if (m.find()) {
                    insurer.complete(URI.create(m.group(1)));
                }
                m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; fall through
        }
        ready.completeExceptionally(new IllegalStateException("the stack exited before it was ready"));
    }

    /** The HTTP API (the local gateway). */
    public URI baseUri() {
        return base;
    }

    /** The stand-in insurer, e.g. {@code http://localhost:41234}. */
    public URI insurerUri() {
        return insurer;
    }

    /** The file the stack's output is copied to. */
    public Path log() {
        return log;
    }

    /** Kills the stack and every function process under it. */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
