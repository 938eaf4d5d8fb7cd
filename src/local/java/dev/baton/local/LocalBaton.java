package dev.baton.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baton on one machine, no Docker and no AWS account: DynamoDB Local and ElasticMQ embedded, every
 * function of {@code template.yaml} running from the unpacked {@code function.zip} against a Lambda Runtime API
 * emulator, and the HTTP API on {@code BATON_PORT} with the template's routes.
 * Started by {@code infra/local/run.sh}; stops cleanly on SIGTERM.
 */
public final class LocalBaton {

    private final List<AutoCloseable> running = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BATON_PORT", "8080"));
        Path dataDir = Path.of(env("BATON_DATA_DIR", ".baton"));
        Path zip = Path.of(env("BATON_FUNCTION_ZIP", "target/function.zip"));
        if (!Files.isRegularFile(zip)) {
            System.err.println("No " + zip + ": run ./mvnw package -DskipTests first.");
            System.exit(2);
        }
        Path functionDir = FunctionZip.unpack(zip, Path.of("target/local-function"));
        LocalBaton baton = new LocalBaton();
        Runtime.getRuntime().addShutdownHook(new Thread(baton::stop, "baton-local-stop"));
        baton.start(port, dataDir, functionDir);
        System.out.println("Local stand-in insurer on http://localhost:" + env("BATON_INSURER_PORT", "8081")
                + "/proposals (switch it with POST /mode: up, busy, down, invalid, reject)");
        System.out.println("jwt".equals(authMode())
                ? "Auth: jwt — tokens verified against " + System.getenv("BATON_JWKS_FILE") + " (issuer "
                        + System.getenv("BATON_JWT_ISSUER") + ")"
                : "Auth: OFF (BATON_AUTH=off) — every caller is trusted; set BATON_AUTH=jwt to require tokens");
        System.out.println("Baton local ready on http://localhost:" + port);
        Thread.currentThread().join();
    }

    private void start(int port, Path dataDir, Path functionDir) throws Exception {
        SamTemplate template = SamTemplate.project();
        EmbeddedBackends backends = EmbeddedBackends.start(dataDir.resolve("dynamodb"), template);
        running.add(backends);
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        List<LocalGateway.Binding> bindings = new ArrayList<>();
        Map<String, RuntimeApiEmulator> emulators = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            RuntimeApiEmulator emulator = new RuntimeApiEmulator(function.export(), timeout);
            running.add(emulator);
            emulators.put(function.export(), emulator);
            running.add(FunctionProcess.start(function.export(), functionDir, template.globalHandler(),
                    environment(template, function, backends, emulator)));
            function.routes().forEach(r -> bindings.add(new LocalGateway.Binding(r.method(), r.path(), r.scopes(),
                    emulator)));
        }
        for (Map.Entry<String, RuntimeApiEmulator> e : emulators.entrySet()) {
            if (!e.getValue().awaitReady(Duration.ofSeconds(60))) {
                throw new IllegalStateException("function " + e.getKey() + " did not start within 60 s");
            }
        }
        startEventSources(template, backends, emulators);
        running.add(new LocalInsurer(Integer.parseInt(env("BATON_INSURER_PORT", "8081"))));
        running.add(new LocalGateway(port, bindings, verifier()));
    }

    /** {@code BATON_AUTH=jwt}: tokens verified like API Gateway's authorizer; {@code off} (default): none. */
    private static Optional<JwtVerifier> verifier() throws Exception {
        if (!"jwt".equals(authMode())) {
            return Optional.empty();
        }
        return Optional.of(new JwtVerifier(Path.of(required("BATON_JWKS_FILE")), required("BATON_JWT_ISSUER"),
                required("BATON_JWT_AUDIENCE")));
    }

    static String authMode() {
        String mode = env("BATON_AUTH", "off");
        if (!mode.equals("off") && !mode.equals("jwt")) {
            throw new IllegalStateException("BATON_AUTH must be off or jwt, was " + mode);
        }
        return mode;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required with BATON_AUTH=jwt");
        }
        return value;
    }

    /** SQS event source mappings as queue pollers, and schedules as timers (every BATON_SWEEP_SECONDS). */
    private void startEventSources(SamTemplate template, EmbeddedBackends backends,
                                   Map<String, RuntimeApiEmulator> emulators) {
        Map<String, String> queueUrls = backends.queueUrls();
        long sweepSeconds = Long.parseLong(env("BATON_SWEEP_SECONDS", "60"));
        for (SamTemplate.Function function : template.functions()) {
            RuntimeApiEmulator emulator = emulators.get(function.export());
            for (String queue : function.sqsQueues()) {
                String url = queueUrls.get(queue);
                String arn = backends.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings(
                        "QueueArn")).attributesAsStrings().get("QueueArn");
                running.add(new QueuePoller(backends.sqs(), url, arn, emulator, 10));
            }
            if (!function.schedules().isEmpty()) {
                var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "schedule-" + function.export());
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleAtFixedRate(() -> emulator.invoke(ScheduledEvents.event()), sweepSeconds, sweepSeconds,
                        java.util.concurrent.TimeUnit.SECONDS);
                running.add(timer::shutdownNow);
            }
        }
    }

    private static Map<String, String> environment(SamTemplate template, SamTemplate.Function function,
                                                   EmbeddedBackends backends, RuntimeApiEmulator emulator) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>(template.globalEnvironment());
        function.properties().path("Environment").path("Variables").fields()
                .forEachRemaining(e -> declared.put(e.getKey(), e.getValue().asText()));
        Map<String, String> queueUrls = backends.queueUrls();
        declared.forEach((k, v) -> {
            // !Ref Table → the table name; !Ref Queue → the queue URL (as CloudFormation resolves them)
            String value = template.tables().stream().filter(t -> t.logicalId().equals(v)).map(SamTemplate.Table::name)
                    .findFirst().orElse(queueUrls.getOrDefault(v, v));
            resolved.put(k, value);
        });
        resolved.remove("JAVA_TOOL_OPTIONS");
        resolved.put("BATON_AUTH_MODE", authMode());
        resolved.put("BATON_LOG_JSON", env("BATON_JSON_LOGS", "false"));
        resolved.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
        resolved.put("AWS_LAMBDA_FUNCTION_NAME", function.export());
        resolved.put("AWS_REGION", EmbeddedBackends.REGION);
        resolved.put("AWS_ACCESS_KEY_ID", EmbeddedBackends.ACCESS_KEY);
        resolved.put("AWS_SECRET_ACCESS_KEY", EmbeddedBackends.SECRET_KEY);
        resolved.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", backends.dynamoEndpoint().toString());
        resolved.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", backends.sqsEndpoint().toString());
        return resolved;
    }

    private synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
        System.out.println("Baton local stopped");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
