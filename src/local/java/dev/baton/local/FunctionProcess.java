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
 * One Lambda function instance: the content of function.zip in its own process, with the environment Lambda would
 * give it, polling a {@link RuntimeApiEmulator}: a JVM for the JVM build, or the native build's {@code bootstrap}
 * executable as Lambda's {@code provided.al2023} runtime runs it. Its log lines are echoed with the function name
 * in front.
 */
public final class FunctionProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private FunctionProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts the function unpacked from function.zip in {@code functionDir} the way Lambda runs it: a native
     * build ({@value #BOOTSTRAP} at the root) as that executable, like {@code provided.al2023}; otherwise like the
     * java21 runtime, with its root and {@code lib/} on the classpath and AWS's runtime interface client polling
     * the Runtime API and calling {@code handler} (the template's {@code Handler}). {@code environment} is added.
     */
    public static FunctionProcess start(String name, Path functionDir, String handler,
                                        Map<String, String> environment) throws IOException {
        return start(name, functionDir, handler, environment, true);
    }

    /**
     * {@link #start(String, Path, String, Map)}, with {@code verifyBytecode} false for a JVM that skips verifying
     * the function's classes: the local stack's, which restarts often (the crash and soak suites start about 35
     * stacks of five function JVMs each) and runs only this build's classes and Maven Central's jars; about
     * 0.3 CPU-seconds of each function's start on 2 cores. The start-up benchmark keeps verification, as Lambda does.
     */
    public static FunctionProcess start(String name, Path functionDir, String handler,
                                        Map<String, String> environment, boolean verifyBytecode) throws IOException {
        return start(name, functionDir, handler, environment, verifyBytecode, true);
    }

    /**
     * {@link #start(String, Path, String, Map)} with {@code environment} as the process's whole environment, nothing
     * inherited from this one: Lambda gives a function only its own variables and the runtime's, and a start-up
     * measured with a developer's shell environment (dozens of variables) would charge the configuration's
     * environment matching for variables Lambda never sets. The start-up benchmark starts every subject this way.
     */
    public static FunctionProcess startAlone(String name, Path functionDir, String handler,
                                             Map<String, String> environment) throws IOException {
        return start(name, functionDir, handler, environment, true, false);
    }

    private static FunctionProcess start(String name, Path functionDir, String handler, Map<String, String> environment,
                                         boolean verifyBytecode, boolean inherit) throws IOException {
        Path bootstrap = functionDir.resolve(BOOTSTRAP);
        boolean nativeBuild = java.nio.file.Files.isRegularFile(bootstrap);
        List<String> command = new ArrayList<>();
        if (nativeBuild) {
            // system properties follow the executable, as a provided.al2023 bootstrap script would pass them
            command.add(bootstrap.toAbsolutePath().toString());
            command.addAll(trustStoreOptions(environment));
        } else {
            command.addAll(jvmCommand(functionDir, handler, trustStoreOptions(environment), verifyBytecode));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!inherit) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        builder.environment().keySet().removeAll(List.of(TRUST_STORE, TRUST_STORE_PASSWORD));
        if (nativeBuild) {
            // as provided.al2023 starts it: in the task root, which it names, with the handler (Quarkus ignores it)
            builder.directory(functionDir.toFile());
            builder.environment().put("LAMBDA_TASK_ROOT", functionDir.toAbsolutePath().toString());
            builder.environment().put("_HANDLER", handler);
        }
        Process process = builder.start();
        Thread echo = new Thread(() -> echo(name, process), "log-" + name);
        echo.setDaemon(true);
        echo.start();
        return new FunctionProcess(name, process);
    }

    /** The executable a native function.zip holds at its root, as Lambda's custom runtimes expect. */
    public static final String BOOTSTRAP = "bootstrap";

    /**
     * A PKCS12 trust store the functions trust instead of the CAs they were built with (for a stand-in downstream
     * with a self-signed certificate), given as {@code -Djavax.net.ssl.trustStore}: a native executable reads
     * these properties at run time, as the JVM does (README "Native or JVM"). Passed on from the stack's
     * environment; not given to the function as a variable.
     */
    public static final String TRUST_STORE = "BATON_FUNCTION_TRUSTSTORE";
    /** The password of {@link #TRUST_STORE}; default {@code changeit}. */
    public static final String TRUST_STORE_PASSWORD = "BATON_FUNCTION_TRUSTSTORE_PASSWORD";

    /** The system properties that make a function trust {@link #TRUST_STORE}; none when it is not set. */
    static List<String> trustStoreOptions(Map<String, String> environment) {
        String store = environment.get(TRUST_STORE);
        if (store == null || store.isBlank()) {
            return List.of();
        }
        String password = environment.getOrDefault(TRUST_STORE_PASSWORD, "changeit");
        return List.of("-Djavax.net.ssl.trustStore=" + Path.of(store).toAbsolutePath(),
                "-Djavax.net.ssl.trustStoreType=PKCS12", "-Djavax.net.ssl.trustStorePassword=" + password);
    }

    private static List<String> jvmCommand(Path functionDir, String handler, List<String> properties,
                                           boolean verifyBytecode) throws IOException {
        String sep = java.io.File.pathSeparator;
        String classpath = functionDir + sep + functionDir.resolve("lib") + "/*" + sep + runtimeClientJars();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx384m",
                JNI_PROPERTY + "=" + jniLibrary(functionDir)));
        if (!verifyBytecode) {
            command.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote"));
        }
        command.addAll(properties);
        command.addAll(List.of("-cp", classpath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                handler));
        return command;
    }

    /**
     * The runtime client unpacks its JNI library to one fixed path ({@code /tmp/.libaws-lambda-jni.so}), so
     * several JVMs starting at once crash loading a half-written file (SIGBUS). It honours this property
     * instead: the library is unpacked once, before any function starts.
     */
    static final String JNI_PROPERTY = "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static synchronized String jniLibrary(Path functionDir) throws IOException {
        Path target = functionDir.resolve("libaws-lambda-jni.so");
        if (!java.nio.file.Files.exists(target)) {
            String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-aarch_64" : "linux-x86_64";
            try (var in = FunctionProcess.class.getResourceAsStream("/jni/libaws-lambda-jni." + arch + ".so")) {
                if (in == null) {
                    throw new IOException("the runtime interface client has no JNI library for " + arch);
                }
                java.nio.file.Files.copy(in, target);
            }
        }
        return target.toAbsolutePath().toString();
    }

    /** The runtime interface client's jars, taken from this JVM's (the local stack's) classpath. */
    private static String runtimeClientJars() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client")
                        || p.contains("aws-lambda-java-serialization"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
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

    /** True while the process runs. */
    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    /** Stops the process: SIGTERM, then SIGKILL after five seconds. */
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
