package dev.baton.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda function instance: the packaged application ({@code target/quarkus-app}, the content of
 * function.zip) in its own JVM, with the environment Lambda would give it, polling a
 * {@link RuntimeApiEmulator}. Its log lines are echoed with the function name in front.
 */
public final class FunctionProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private FunctionProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code quarkus-run.jar} with {@code environment} added to this process's environment. */
    public static FunctionProcess start(String name, Path runJar, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar",
                runJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread echo = new Thread(() -> echo(name, process), "log-" + name);
        echo.setDaemon(true);
        echo.start();
        return new FunctionProcess(name, process);
    }

    private static void echo(String name, Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** True while the JVM runs. */
    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    /** Stops the JVM: SIGTERM, then SIGKILL after five seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
