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
 * the function is initialised), several runs each, one function at a time; then 50 warm invocations; peak RSS
 * ({@code VmHWM}) after the first and after the warm invocations. Backends are DynamoDB Local and ElasticMQ in
 * this JVM, as in the local stack. Arguments: {@code [runs, default 5] [zip, default target/function.zip]};
 * the report goes to {@code target/bench/startup-report-<zip name>.md}.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path zip = Path.of(args.length > 1 ? args[1] : "target/function.zip");
        // its own directory: a local stack running beside the benchmark keeps its unpacked function
        String flavour = zip.getFileName().toString().replace(".zip", "");
        Path functionDir = LocalBaton.unpack(zip, Path.of("target/bench/" + flavour));
        SamTemplate template = SamTemplate.project();
        StringBuilder report = new StringBuilder("| function | first answer, median of " + runs + " (ms) | runs (ms) "
                + "| warm p50 (ms) | peak RSS after first / after 50 warm (MiB) |\n| --- | --- | --- | --- | --- |\n");
        try (EmbeddedBackends backends = EmbeddedBackends.start(null, template)) {
            for (SamTemplate.Function function : template.functions()) {
                List<Run> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    results.add(once(template, function, functionDir, backends));
                }
                report.append(row(function.export(), results));
            }
        }
        String text = zip + ": " + String.format(Locale.ROOT, "%.1f MB", Files.size(zip) / 1e6) + " ("
                + Files.size(zip) + " bytes); java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores\n\n" + report;
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/startup-report-" + flavour + ".md"), text);
        System.exit(0);
    }

    /** One cold start: millis to the first answer, warm median, peak RSS (KiB) after the first and after warm. */
    private record Run(double firstMillis, double warmMillis, long rssFirstKb, long rssWarmKb) {
    }

    private static Run once(SamTemplate template, SamTemplate.Function function, Path functionDir,
                            EmbeddedBackends backends) throws Exception {
        Duration timeout = Duration.ofSeconds(template.globalTimeoutSeconds());
        try (RuntimeApiEmulator emulator = new RuntimeApiEmulator(function.export(), timeout)) {
            Set<Long> before = children();
            String event = event(function.export(), backends);
            long start = System.nanoTime();
            var first = emulator.invoke(event);
            try (FunctionProcess process = FunctionProcess.start(function.export(), functionDir,
                    template.globalHandler(), LocalBaton.functionEnvironment(template, function, backends, emulator, false, false))) {
                first.get();
                double firstMillis = (System.nanoTime() - start) / 1e6;
                long pid = children().stream().filter(p -> !before.contains(p)).findFirst().orElse(-1L);
                long rssFirst = peakRssKb(pid);
                double[] warm = new double[50];
                for (int i = 0; i < warm.length; i++) {
                    long t = System.nanoTime();
                    emulator.invoke(event(function.export(), backends)).get();
                    warm[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(warm);
                return new Run(firstMillis, warm[warm.length / 2], rssFirst, peakRssKb(pid));
            }
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

    private static String row(String export, List<Run> runs) {
        double[] first = runs.stream().mapToDouble(Run::firstMillis).sorted().toArray();
        double[] warm = runs.stream().mapToDouble(Run::warmMillis).sorted().toArray();
        long[] rssFirst = runs.stream().mapToLong(Run::rssFirstKb).sorted().toArray();
        long[] rssWarm = runs.stream().mapToLong(Run::rssWarmKb).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | **%.0f** | %s | %.1f | %d / %d |%n", export, first[first.length / 2],
                runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.firstMillis()))
                        .collect(Collectors.joining(", ")), warm[warm.length / 2],
                rssFirst[rssFirst.length / 2] / 1024, rssWarm[rssWarm.length / 2] / 1024);
    }
}
