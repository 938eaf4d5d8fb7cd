package dev.baton.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.baton.local.ApiEvents;
import dev.baton.local.EmbeddedBackends;
import dev.baton.local.FunctionProcess;
import dev.baton.local.LocalBaton;
import dev.baton.local.QueuePoller;
import dev.baton.local.RuntimeApiEmulator;
import dev.baton.local.SamTemplate;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Start-up of each function from function.zip ({@code infra/bench/startup.sh}), JVM or native (a zip with a
 * {@code bootstrap} runs as that executable, see {@link FunctionProcess}): from starting the
 * process to the answer of its first invocation (queued before the process starts, so it is served as soon as
 * the function is initialised), split at the function's first poll of the Runtime API into init (process start,
 * Quarkus, priming) and first invocation (for order-sweep: a whole sweep), several runs each, one function at a
 * time; then 50 warm invocations; peak RSS
 * ({@code VmHWM}) after the first and after the warm invocations. Backends are DynamoDB Local and ElasticMQ in
 * this JVM, as in the local stack. Every subject gets the environment Lambda would give it and nothing of this
 * process's ({@link #lambdaRuntime}). Each function runs primed and with priming off ({@code BATON_PRIME=false}), and
 * beside them a bare funqy hello world ({@code src/bench/bare}) started the same way: the ratio to it is the
 * figure. Arguments: {@code [runs, default 5] [zip, default target/function.zip] [bare zip]};
 * the report goes to {@code target/bench/startup-report-<zip name>.md}.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path zip = Path.of(args.length > 1 ? args[1] : "target/function.zip");
        Path bareZip = Path.of(args.length > 2 ? args[2] : "src/bench/bare/target/function.zip");
        // its own directory: a local stack running beside the benchmark keeps its unpacked function
        String flavour = zip.getFileName().toString().replace(".zip", "");
        Path functionDir = LocalBaton.unpack(zip, Path.of("target/bench/" + flavour));
        Path bareDir = Files.exists(bareZip) ? LocalBaton.unpack(bareZip, Path.of("target/bench/bare-funqy")) : null;
        SamTemplate template = SamTemplate.project();
        // every subject once per round, in turn, so a change in the machine's load falls on all of them alike
        Map<String, List<Run>> results = new java.util.LinkedHashMap<>();
        try (EmbeddedBackends backends = EmbeddedBackends.start(null, template)) {
            for (int i = 0; i < runs; i++) {
                if (bareDir != null) {
                    results.computeIfAbsent(BARE, k -> new ArrayList<>()).add(bare(template, bareDir));
                }
                for (SamTemplate.Function function : template.functions()) {
                    // order-events has no priming event (its would put to EventBridge): one row, started as deployed
                    boolean[] primings = function.export().equals("order-events") ? new boolean[] {true}
                            : new boolean[] {true, false};
                    for (boolean prime : primings) {
                        Run run = once(template, function, functionDir, backends, prime);
                        results.computeIfAbsent(function.export() + (prime ? "" : UNPRIMED), k -> new ArrayList<>())
                                .add(run);
                        System.out.printf(Locale.ROOT, "run %d %s%s: first answer %.0f ms (init %.0f + first "
                                + "invocation %.0f)%n", i + 1, function.export(), prime ? "" : UNPRIMED,
                                run.firstMillis(), run.initMillis(), run.firstMillis() - run.initMillis());
                    }
                }
            }
        }
        double bareFirst = results.containsKey(BARE) ? median(results.get(BARE)) : Double.NaN;
        StringBuilder report = new StringBuilder("| function | first answer, median of " + runs + " (ms) | ÷ bare "
                + "| init + first invocation, medians (ms) | runs (ms) | warm p50 (ms) "
                + "| peak RSS after first / after 50 warm (MiB) |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        results.forEach((name, list) -> report.append(row(name, list, bareFirst)));
        String text = zip + ": " + String.format(Locale.ROOT, "%.1f MB", Files.size(zip) / 1e6) + " ("
                + Files.size(zip) + " bytes)" + (bareDir == null ? "" : "; bare app " + bareZip + ": "
                + String.format(Locale.ROOT, "%.1f MB", Files.size(bareZip) / 1e6)) + "; java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; load average before " + loadAverage() + "\n\n" + report;
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/startup-report-" + flavour + ".md"), text);
        System.exit(0);
    }

    private static final String BARE = "bare funqy hello world";
    private static final String UNPRIMED = " (priming off)";

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double median(List<Run> runs) {
        double[] first = runs.stream().mapToDouble(Run::firstMillis).sorted().toArray();
        return first[first.length / 2];
    }

    /** One cold start of the bare app: the same handler class, JVM flags and Runtime API emulator. */
    private static Run bare(SamTemplate template, Path bareDir) throws Exception {
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        try (RuntimeApiEmulator emulator = new RuntimeApiEmulator("hello", timeout)) {
            Map<String, String> env = new java.util.HashMap<>(lambdaRuntime("hello"));
            env.putAll(Map.of("AWS_LAMBDA_RUNTIME_API", emulator.address(), "AWS_LAMBDA_FUNCTION_NAME", "hello",
                    "AWS_REGION", EmbeddedBackends.REGION));
            return measure(emulator, () -> "\"world\"", () -> FunctionProcess.startAlone("hello", bareDir,
                    template.globalHandler(), env));
        }
    }

    /**
     * One cold start: millis to the first answer and, of them, to the function's first poll of the Runtime API
     * (its init: process start, Quarkus, priming); warm median; peak RSS (KiB) after the first and after warm.
     */
    private record Run(double firstMillis, double initMillis, double warmMillis, long rssFirstKb, long rssWarmKb) {
    }

    private static Run once(SamTemplate template, SamTemplate.Function function, Path functionDir,
                            EmbeddedBackends backends, boolean prime) throws Exception {
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        try (RuntimeApiEmulator emulator = new RuntimeApiEmulator(function.export(), timeout)) {
            Map<String, String> env = new java.util.HashMap<>(lambdaRuntime(function.export()));
            env.putAll(LocalBaton.functionEnvironment(template, function, backends, emulator, false, false));
            env.put("BATON_PRIME", Boolean.toString(prime));
            // log levels for a closer look, e.g. QUARKUS_LOG_CATEGORY__DEV_BATON__LEVEL=DEBUG: where init goes
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("QUARKUS_LOG_")) {
                    env.put(k, v);
                }
            });
            return measure(emulator, () -> event(function.export(), backends), () -> FunctionProcess.startAlone(
                    function.export(), functionDir, template.globalHandler(), env));
        }
    }

    /**
     * The variables Lambda's runtime sets for every function besides the template's own (AWS's list of reserved
     * variables; credentials and the Runtime API address come with the function's environment): each subject gets
     * these and its own, nothing from this process's environment ({@link FunctionProcess#startAlone}).
     */
    private static Map<String, String> lambdaRuntime(String name) {
        return Map.of("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin", "LANG", "en_US.UTF-8", "TZ", ":UTC",
                "AWS_DEFAULT_REGION", EmbeddedBackends.REGION, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST", "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name,
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/03/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""),
                "LAMBDA_RUNTIME_DIR", "/var/runtime");
    }

    /** Starts a process with {@code event} already queued; the first answer, 50 warm ones, the peak RSS. */
    private static Run measure(RuntimeApiEmulator emulator, java.util.function.Supplier<String> event,
                               java.util.concurrent.Callable<FunctionProcess> starter) throws Exception {
        Set<Long> before = children();
        String first = event.get();
        long start = System.nanoTime();
        var answer = emulator.invoke(first);
        try (FunctionProcess process = starter.call()) {
            answer.get();
            double firstMillis = (System.nanoTime() - start) / 1e6;
            double initMillis = (emulator.firstPollNanos() - start) / 1e6;
            long pid = children().stream().filter(p -> !before.contains(p)).findFirst().orElse(-1L);
            long rssFirst = peakRssKb(pid);
            double[] warm = new double[50];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                emulator.invoke(event.get()).get();
                warm[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(warm);
            return new Run(firstMillis, initMillis, warm[warm.length / 2], rssFirst, peakRssKb(pid));
        }
    }

    /** A harmless first event for each function: a read, a listing, or a message for an order that does not exist. */
    private static String event(String export, EmbeddedBackends backends) {
        String id = "startup-" + UUID.randomUUID().toString().substring(0, 8);
        switch (export) {
            case "handoff":
                return ApiEvents.event("GET", "/v1/orders/" + id, "", Map.of(), null, "GET /v1/orders/{id}",
                        Map.of("id", id)).toString();
            case "mapping-config":
                return ApiEvents.event("GET", "/v1/business-types/auto-policy/flows", "", Map.of(), null,
                        "GET /v1/business-types/{type}/flows", Map.of("type", "auto-policy")).toString();
            case "order-sync":
                return ApiEvents.event("GET", "/v1/orders", "syncState=DEAD", Map.of(), null, "GET /v1/orders",
                        Map.of()).toString();
            case "order-retry":
                Message m = Message.builder().messageId(UUID.randomUUID().toString()).receiptHandle("r")
                        .body("{\"orderId\":\"" + id + "\",\"attempt\":2,\"dueAt\":\"" + Instant.now() + "\"}")
                        .md5OfBody("0").build();
                return QueuePoller.event(List.of(m), "arn:aws:sqs:us-east-1:000000000000:baton-retry").toString();
            case "order-events":
                // a removed item: a stream record that means no event, so nothing is put on a bus
                String key = "{\"pk\":{\"S\":\"" + id + "\"}}";
                return "{\"Records\":[{\"eventID\":\"" + id + "\",\"eventName\":\"REMOVE\","
                        + "\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\","
                        + "\"dynamodb\":{\"Keys\":" + key + ",\"OldImage\":" + key + ",\"SequenceNumber\":\"1\","
                        + "\"SizeBytes\":64,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},\"eventSourceARN\":"
                        + "\"arn:aws:dynamodb:us-east-1:000000000000:table/baton-orders/stream/2026-12-01\"}]}";
            default:
                return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                        + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"" + Instant.now()
                        + "\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}";
        }
    }


    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** {@code VmHWM} of {@code pid}: its peak resident set, in KiB. */
    private static long peakRssKb(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String row(String export, List<Run> runs, double bareFirst) {
        double[] first = runs.stream().mapToDouble(Run::firstMillis).sorted().toArray();
        double[] warm = runs.stream().mapToDouble(Run::warmMillis).sorted().toArray();
        long[] rssFirst = runs.stream().mapToLong(Run::rssFirstKb).sorted().toArray();
        long[] rssWarm = runs.stream().mapToLong(Run::rssWarmKb).sorted().toArray();
        double[] init = runs.stream().mapToDouble(Run::initMillis).sorted().toArray();
        double[] invocation = runs.stream().mapToDouble(r -> r.firstMillis() - r.initMillis()).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | **%.0f** | %.2f | %.0f + %.0f | %s | %.1f | %d / %d |%n", export,
                first[first.length / 2], first[first.length / 2] / bareFirst, init[init.length / 2],
                invocation[invocation.length / 2],
                runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.firstMillis()))
                        .collect(Collectors.joining(", ")), warm[warm.length / 2],
                rssFirst[rssFirst.length / 2] / 1024, rssWarm[rssWarm.length / 2] / 1024);
    }
}
