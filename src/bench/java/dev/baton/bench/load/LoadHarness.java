package dev.baton.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.local.LocalBaton;

/**
 * The end-to-end load harness ({@code infra/bench/load.sh}): starts the local stack in this JVM (or targets one
 * already running, {@code --url}), publishes the flows, mapping and downstreams, counts what each operation
 * costs one at a time, then drives handoff journeys, successful syncs and syncs answered {@code ASYNC_PENDING}
 * at a fixed concurrency for a fixed time, and prints throughput, latency percentiles, calls, capacity units and
 * the cost model as Markdown (also written to {@code target/bench/load-report.md}).
 *
 * <p>Arguments: {@code --concurrency 8 --duration 20 --samples 30 [--url http://localhost:8080 --insurer
 * http://localhost:8081] [--smoke]}. Reports numbers; never asserts timing. Exits 1 if an operation answered
 * unexpectedly, or (in-process) if no call was counted.
 */
public final class LoadHarness {

    private record Options(int concurrency, Duration duration, int samples, Optional<URI> url, URI insurer,
                           boolean smoke) {
        static Options parse(String[] args) {
            int concurrency = 8;
            int seconds = 20;
            int samples = 30;
            Optional<URI> url = Optional.empty();
            URI insurer = URI.create("http://localhost:8081");
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--duration" -> seconds = Integer.parseInt(args[++i]);
                    case "--samples" -> samples = Integer.parseInt(args[++i]);
                    case "--url" -> url = Optional.of(URI.create(args[++i]));
                    case "--insurer" -> insurer = URI.create(args[++i]);
                    case "--smoke" -> smoke = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return smoke ? new Options(2, Duration.ofSeconds(2), 3, url, insurer, true)
                    : new Options(concurrency, Duration.ofSeconds(seconds), samples, url, insurer, false);
        }
    }

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        PrintStream console = System.out;
        Path out = Path.of("target/bench");
        CallLog log = null;
        LocalBaton stack = null;
        Api api;
        if (options.url().isPresent()) {
            api = new Api(options.url().get(), options.insurer());
        } else {
            log = CallLog.install(out.resolve("functions.log"));
            console.println("Starting the local stack (function output goes to target/bench/functions.log) ...");
            long start = System.nanoTime();
            stack = LocalBaton.start(new LocalBaton.Settings(0, 0, null,
                    LocalBaton.unpack(Path.of("target/function.zip")), 3600, Optional.empty(), false));
            console.printf("Local stack ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            api = new Api(stack.baseUri(), stack.insurerUri());
        }
        int status;
        try {
            status = run(options, api, log, console, out, stack);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        System.exit(status);
    }

    private static int run(Options options, Api api, CallLog log, PrintStream console, Path out, LocalBaton stack)
            throws Exception {
        Scenarios scenarios = new Scenarios(api);
        scenarios.setUp();
        console.println("Warming up ...");
        Duration warm = options.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        api.insurerMode("up");
        LoadPhase.run("warm-up", 2, warm, null, scenarios::journey);
        LoadPhase.run("warm-up", 2, warm, null,
                (l, w) -> scenarios.startAndSync(l, "sync", Scenarios.RETRY_DOWNSTREAM, 200, w));
        console.println("Counting calls per operation (" + options.samples() + " each, one at a time) ...");
        Accounting accounting = new Accounting(scenarios, log == null ? CallLog.inert() : log, options.samples());
        List<OpCost> costs = accounting.run();
        List<LoadPhase.Result> phases = loadPhases(options, scenarios, log, console);
        String floor = stack == null ? "Not measured: the stack runs elsewhere (--url).\n" : floor(options, stack, costs,
                phases, console);
        String report = report(options, costs, phases, log != null) + "\n### Baton ÷ storage floor\n\n" + floor;
        console.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("load-report.md"), report, StandardCharsets.UTF_8);
        if (!options.smoke()) {
            Files.writeString(Path.of("src/bench/latency-distribution.svg"), LatencyPlot.svg("Latency distribution, "
                    + options.concurrency() + " workers, " + options.duration().toSeconds() + " s per phase, local stack "
                    + "(one warm instance per function)", phases), StandardCharsets.UTF_8);
        }
        long errors = phases.stream().mapToLong(p -> p.latencies().totalErrors()).sum()
                + accounting.latencies().totalErrors();
        boolean counted = log == null || costs.stream().anyMatch(c -> !c.calls().isEmpty());
        if (errors > 0 || !counted) {
            console.println("FAILED: " + errors + " unexpected answers" + (counted ? "" : "; no AWS call was counted "
                    + "(is BATON_COUNT_CAPACITY=true set?)"));
            return 1;
        }
        return 0;
    }

    /** The plain-SDK floor on the stack's own DynamoDB Local, against Baton's medians of this run. */
    private static String floor(Options options, LocalBaton stack, List<OpCost> costs, List<LoadPhase.Result> phases,
                                PrintStream console) throws Exception {
        console.println("Storage floor: a plain SDK client, " + options.samples() + " of each one at a time, then "
                + options.concurrency() + " workers ...");
        StorageFloor floor = new StorageFloor(stack.backends(),
                dev.baton.local.SamTemplate.project().tableName("OrdersTable"));
        java.util.Map<String, double[]> measured = floor.measure(Math.max(options.samples(), 30),
                options.concurrency(), options.duration());
        java.util.Map<String, double[]> baton = new java.util.HashMap<>();
        baton.put(StorageFloor.HANDOFF, new double[] {p50(costs, "handoff"), phases.get(0).latencies()
                .p50Millis("handoff")});
        baton.put(StorageFloor.SYNC, new double[] {p50(costs, "sync → SYNCED"), phases.get(1).latencies()
                .p50Millis("sync → SYNCED")});
        return StorageFloor.markdown(measured, baton, options.concurrency()) + "\nLoad average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).trim() + ".\n";
    }

    private static double p50(List<OpCost> costs, String op) {
        return costs.stream().filter(c -> c.op().equals(op)).mapToDouble(OpCost::p50Millis).findFirst().orElse(0);
    }

    private static List<LoadPhase.Result> loadPhases(Options options, Scenarios scenarios, CallLog log,
                                                     PrintStream console) throws Exception {
        List<LoadPhase.Result> phases = new ArrayList<>();
        int c = options.concurrency();
        console.println("Load: " + c + " workers, " + options.duration().toSeconds() + " s per phase ...");
        scenarios.api().insurerMode("up");
        phases.add(LoadPhase.run("handoff journeys", c, options.duration(), log, scenarios::journey));
        phases.add(LoadPhase.run("sync, insurer up", c, options.duration(), log,
                (l, w) -> scenarios.startAndSync(l, "sync → SYNCED", Scenarios.RETRY_DOWNSTREAM, 200, w)));
        scenarios.api().insurerMode("busy");
        phases.add(LoadPhase.run("sync, insurer busy", c, options.duration(), log,
                (l, w) -> scenarios.startAndSync(l, "sync → ASYNC_PENDING", Scenarios.HOLD_DOWNSTREAM, 202, w)));
        scenarios.api().insurerMode("up");
        return phases;
    }

    private static String report(Options options, List<OpCost> costs, List<LoadPhase.Result> phases,
                                 boolean counted) {
        return "## Load harness results (" + LocalDate.now() + (options.smoke() ? ", SMOKE RUN" : "") + ")\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + (counted ? "local stack in-process" : "stack at " + options.url().map(URI::toString).orElse("?"))
                + ". Each function is one JVM serving one invocation at a time (one warm Lambda instance).\n\n"
                + "### Calls and consumed capacity per operation\n\n" + Report.accounting(costs) + "\n"
                + Targets.check(costs) + "\n"
                + "### Throughput and latency\n\n" + Report.phases(phases, options.concurrency()) + "\n"
                + "### AWS calls counted during the load phases\n\n" + Report.phaseCalls(phases) + "\n"
                + "### Cost model (us-east-1, on-demand, 1024 MB arm64)\n\n"
                + CostModel.markdown(CostModel.lines(costs));
    }
}
