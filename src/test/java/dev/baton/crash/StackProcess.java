package dev.baton.crash;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.baton.local.EmbeddedBackends;
import dev.baton.shared.infra.CrashPoints;

/**
 * The local stack ({@code dev.baton.local.LocalMain}, as {@code infra/local/run.sh} starts it, from
 * {@code target/function.zip}, or {@code target/function-native.zip} when the suite runs with
 * {@code BATON_NATIVE=1}) as a child process that can be killed like a crashed host: SIGKILL of the stack and of
 * every function process under it, then started again on the same data directory and ports.
 * Each start logs to its own file under {@code target/crash-logs/}.
 */
public final class StackProcess implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(Long.getLong("baton.crash.start-seconds", 180));

    private final String name;
    private final Path dataDir;
    /**
     * The API's port, the same across restarts: below the ephemeral range, where the stack's own backends and every
     * outgoing connection pick theirs (a port picked there was seen taken by the time a restarted stack bound it).
     */
    private final int port = EmbeddedBackends.freePortBelowTheEphemeralRange();
    private Process process;
    private Path log;
    private int starts;

    StackProcess(String name) throws IOException {
        this.name = name;
        this.dataDir = Files.createTempDirectory("baton-crash-" + name);
    }

    /** The HTTP API; the same across restarts. */
    URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the stack, its functions armed at {@code crashAt} (null: none), and waits until it serves. */
    StackProcess start(String crashAt) throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the stack " + name + " is already running");
        }
        starts++;
        log = Path.of("target", "crash-logs", name + "-" + starts + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(crashAt));
        process = builder.start();
        awaitOutput("Baton local ready on", START_LIMIT);
        return this;
    }

    /** SIGKILL of the stack and all its descendants at once, as a host dies: no shutdown hook runs. */
    StackProcess kill() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Kills the stack and starts it again on the same data, armed at {@code crashAt} (null: none). */
    StackProcess restart(String crashAt) throws Exception {
        return kill().start(crashAt);
    }

    /** Waits (bounded) until this start's output has a line containing {@code text}. */
    void awaitOutput(String text, Duration limit) throws Exception {
        Poll.until(name + " printing '" + text + "' (see " + log + ")", limit, () -> {
            if (!process.isAlive() && !output().contains(text)) {
                throw new IllegalStateException("stack " + name + " exited " + process.exitValue() + "; see " + log);
            }
            return output().contains(text);
        });
    }

    /** Waits until a function of this start halted at {@code point}. */
    void awaitCrash(String point, Duration limit) throws Exception {
        awaitOutput(CrashPoints.MARKER + point, limit);
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> command() throws IOException {
        return launcher();
    }

    /**
     * The command that starts the local stack (LocalMain) from this build as its own JVM, as
     * {@code infra/local/run.sh} does: test classes (the stand-in insurer), main classes (what the stack itself
     * runs of Baton: the index backfill, the event relay) and the local runtime's classpath. Every black-box suite
     * starts its stacks with it, so they all start the same way. Unlike {@code run.sh}, whose stack also serves the
     * load harness, it runs the stack's own JVM (DynamoDB Local, ElasticMQ, gateway) with the C1 compiler only, as
     * the functions already run: a test stack lives for seconds, and C2's warm-up cost about 7 CPU-seconds and 3 s
     * of each start on 2 cores (backends ready in 8.5 s instead of 11.5 s), paid at every restart of the suites.
     * Like the functions' JVMs ({@link dev.baton.local.FunctionProcess}) it skips bytecode verification of the
     * classpath (this build's classes and Maven Central's jars, about 9,400 classes, Pekko and the AWS SDK the
     * most): 1–2 CPU-seconds less per start. Test stacks only; a deployed function verifies as usual.
     */
    public static List<String> launcher() throws IOException {
        String classpath = String.join(java.io.File.pathSeparator, "target/test-classes", "target/classes", "")
                + Files.readString(Path.of("target/local-runtime.classpath")).strip();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote",
                "-Dsun.net.httpserver.nodelay=true", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", classpath, "dev.baton.local.LocalMain");
    }

    private Map<String, String> environment(String crashAt) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BATON_PORT", Integer.toString(port));
        env.put("BATON_INSURER_PORT", "0"); // the suite's recording insurer runs in the test JVM
        env.put("BATON_DATA_DIR", dataDir.toString());
        // BATON_NATIVE=1 in the suite's environment: the same scenarios against the native executables
        boolean nativeFunctions = "1".equals(System.getenv("BATON_NATIVE"));
        env.put("BATON_NATIVE", nativeFunctions ? "1" : "0");
        env.put("BATON_FUNCTION_ZIP", nativeFunctions ? "target/function-native.zip" : "target/function.zip");
        env.put("BATON_FUNCTION_DIR", dataDir.resolve("function").toString());
        env.put("BATON_AUTH_MODE", "off");
        env.put("BATON_SWEEP_SECONDS", "1");
        env.put("BATON_SYNC_LEASE_MARGIN", "2s");
        env.put("BATON_SYNC_SWEEP_GRACE", "2s");
        env.put(CrashPoints.VARIABLE, crashAt == null ? "" : crashAt);
        return env;
    }

    /** Stops the stack (SIGKILL: nothing of it must outlive the test) and keeps its logs. */
    @Override
    public void close() throws Exception {
        if (process != null) {
            kill();
        }
    }
}
