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
 * Started by {@code infra/local/run.sh} through {@link LocalMain}; stops cleanly on SIGTERM.
 */
public final class LocalBaton implements AutoCloseable {

    /**
     * How to start the stack.
     *
     * @param port         HTTP API port; 0 picks a free one
     * @param insurerPort  port of the stand-in insurer; 0 picks a free one
     * @param dataDir      where DynamoDB Local keeps its data; null keeps it in memory
     * @param functionDir  the unpacked function.zip
     * @param sweepSeconds period of scheduled functions
     * @param jwt          token verification like API Gateway's authorizer; empty: auth off
     * @param jsonLogs     whether the functions log JSON lines
     */
    public record Settings(int port, int insurerPort, Path dataDir, Path functionDir, long sweepSeconds,
                           Optional<JwtVerifier> jwt, boolean jsonLogs) {
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Settings settings;
    private EmbeddedBackends backends;
    private LocalGateway gateway;
    private LocalInsurer insurer;

    private LocalBaton(Settings settings) {
        this.settings = settings;
    }

    /** Unpacks {@code zip} (the build's function.zip) for {@link Settings#functionDir}. */
    public static Path unpack(Path zip) throws java.io.IOException {
        return unpack(zip, Path.of("target/local-function"));
    }

    /** Unpacks {@code zip} into {@code dir}: a stack started beside another one must not replace its jars. */
    public static Path unpack(Path zip, Path dir) throws java.io.IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No " + zip + ": run ./mvnw package -DskipTests first.");
        }
        return FunctionZip.unpack(zip, dir);
    }

    /** Starts the whole stack; it serves when this returns. Close it to stop everything. */
    /**
     * The stack's JVM runs JBoss LogManager as the JUL manager without a configuration, whose root logger is at
     * ALL: DynamoDB Local's Jetty then formats a DEBUG message on every request (30–35 % of the stack's CPU,
     * issue 16). INFO, as a deployed function logs; the functions themselves run in their own processes.
     */
    static void saneLogLevels() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    }

    public static LocalBaton start(Settings settings) throws Exception {
        saneLogLevels();
        LocalBaton baton = new LocalBaton(settings);
        try {
            baton.startAll();
            return baton;
        } catch (Exception | Error e) {
            baton.close();
            throw e;
        }
    }

    /** The HTTP API, e.g. {@code http://localhost:8080}. */
    public java.net.URI baseUri() {
        return java.net.URI.create("http://localhost:" + gateway.port());
    }

    /** The stand-in insurer, e.g. {@code http://localhost:8081}. */
    public java.net.URI insurerUri() {
        return java.net.URI.create("http://localhost:" + insurer.port());
    }

    /** How this stack was started. */
    public Settings settings() {
        return settings;
    }

    /** The embedded DynamoDB Local and ElasticMQ. */
    public EmbeddedBackends backends() {
        return backends;
    }

    private void startAll() throws Exception {
        SamTemplate template = SamTemplate.project();
        Path functionDir = settings.functionDir();
        // DynamoDB Local boots while the functions do (about 4 s of each stack start on 2 cores, issue 15): their
        // start-up calls no table, unless they prime (BATON_PRIME=true), which reads one
        boolean priming = "true".equals(withoutPriming(Map.of(), System.getenv()).get("BATON_PRIME"));
        backends = EmbeddedBackends.startQueues(settings.dataDir(), template);
        running.add(backends);
        if (priming) {
            backends.startTables();
        }
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        List<LocalGateway.Binding> bindings = new ArrayList<>();
        Map<String, RuntimeApiEmulator> emulators = new LinkedHashMap<>();
        boolean streamConsumer = false;
        for (SamTemplate.Function function : template.functions()) {
            if (template.streamConsumers().contains(function.logicalId())) {
                streamConsumer = true; // order events: read from the table's stream once it exists
                continue;
            }
            RuntimeApiEmulator emulator = new RuntimeApiEmulator(function.export(), timeout);
            running.add(emulator);
            emulators.put(function.export(), emulator);
            running.add(FunctionProcess.start(function.export(), functionDir, template.globalHandler(),
                    environment(template, function, emulator), false));
            function.routes().forEach(r -> bindings.add(new LocalGateway.Binding(r.method(), r.path(), r.scopes(),
                    emulator)));
        }
        if (!priming) {
            backends.startTables();
        }
        if (streamConsumer) {
            running.add(OrderEventStream.forStack(backends, template, settings.dataDir()));
        }
        for (Map.Entry<String, RuntimeApiEmulator> e : emulators.entrySet()) {
            if (!e.getValue().awaitReady(Duration.ofSeconds(60))) {
                throw new IllegalStateException("function " + e.getKey() + " did not start within 60 s");
            }
        }
        startEventSources(template, emulators);
        insurer = new LocalInsurer(settings.insurerPort());
        running.add(insurer);
        gateway = new LocalGateway(settings.port(), bindings, settings.jwt());
        running.add(gateway);
    }

    /** SQS event source mappings as queue pollers, and schedules as timers (every BATON_SWEEP_SECONDS). */
    private void startEventSources(SamTemplate template, Map<String, RuntimeApiEmulator> emulators) {
        Map<String, String> queueUrls = backends.queueUrls();
        long sweepSeconds = settings.sweepSeconds();
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

    private Map<String, String> environment(SamTemplate template, SamTemplate.Function function,
                                            RuntimeApiEmulator emulator) {
        return withoutPriming(functionEnvironment(template, function, backends, emulator, settings.jwt().isPresent(),
                settings.jsonLogs()), System.getenv());
    }

    /**
     * {@code environment} with priming off unless the stack's own environment sets {@code BATON_PRIME}. Priming
     * moves the first call's work into init, which pays where init is snapshotted (SnapStart) or happens before the
     * first customer; the local stack restarts often (the crash-point and soak suites) and nobody waits on its first
     * call, so there it only delayed readiness (about 4 s of each function's start-up on 2 cores).
     */
    static Map<String, String> withoutPriming(Map<String, String> environment, Map<String, String> own) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("BATON_PRIME", Optional.ofNullable(own.get("BATON_PRIME")).filter(v -> !v.isBlank()).orElse("false"));
        return env;
    }

    /**
     * Variables the stack passes on from its own environment to every function when set: the crash-point
     * suite's fault hook, the sync timing it shortens, the egress allowlist (a template parameter deployed) and
     * a trust store for stand-in downstreams over HTTPS ({@link FunctionProcess#TRUST_STORE}).
     */
    static final List<String> PASSED_THROUGH = List.of("BATON_CRASH_AT", "BATON_SYNC_LEASE_MARGIN",
            "BATON_SYNC_SWEEP_GRACE", "BATON_DOWNSTREAM_ALLOWED_HOSTS", FunctionProcess.TRUST_STORE,
            FunctionProcess.TRUST_STORE_PASSWORD);

    /**
     * The environment Lambda would give {@code function}: the template's variables with tables and queues
     * resolved as CloudFormation does, plus the runtime's own, pointed at the embedded backends and
     * {@code emulator}. Also used by the start-up benchmark, so both start functions the same way.
     */
    public static Map<String, String> functionEnvironment(SamTemplate template, SamTemplate.Function function,
                                                          EmbeddedBackends backends, RuntimeApiEmulator emulator,
                                                          boolean jwt, boolean jsonLogs) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>(template.globalEnvironment());
        function.properties().path("Environment").path("Variables").fields()
                .forEachRemaining(e -> declared.put(e.getKey(), e.getValue().asText()));
        Map<String, String> queueUrls = backends.queueUrls();
        declared.forEach((k, v) -> {
            // !Ref Table → the table name; !Ref Queue → the queue URL; !Ref Parameter → its default (as
            // CloudFormation resolves them when a deploy sets nothing)
            String value = template.tables().stream().filter(t -> t.logicalId().equals(v)).map(SamTemplate.Table::name)
                    .findFirst().orElse(queueUrls.getOrDefault(v, template.parameterDefault(v).orElse(v)));
            resolved.put(k, value);
        });
        resolved.remove("JAVA_TOOL_OPTIONS");
        resolved.put("BATON_AUTH_MODE", jwt ? "jwt" : "off");
        resolved.put("BATON_LOG_JSON", Boolean.toString(jsonLogs));
        // the stand-in insurer serves http on loopback; deployed functions never get this (README "Security")
        resolved.put("BATON_DOWNSTREAM_ALLOW_INSECURE_LOCAL", "true");
        resolved.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
        resolved.put("AWS_LAMBDA_FUNCTION_NAME", function.export());
        resolved.put("AWS_REGION", EmbeddedBackends.REGION);
        resolved.put("AWS_ACCESS_KEY_ID", EmbeddedBackends.ACCESS_KEY);
        resolved.put("AWS_SECRET_ACCESS_KEY", EmbeddedBackends.SECRET_KEY);
        resolved.put("BATON_AWS_DYNAMODB_ENDPOINT", backends.dynamoEndpoint().toString());
        resolved.put("BATON_AWS_SQS_ENDPOINT", backends.sqsEndpoint().toString());
        PASSED_THROUGH.forEach(name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank())
                .ifPresent(v -> resolved.put(name, v)));
        return resolved;
    }

    /** Stops everything this stack started, in reverse order. */
    @Override
    public synchronized void close() {
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
}
