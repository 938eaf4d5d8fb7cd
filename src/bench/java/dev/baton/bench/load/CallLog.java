package dev.baton.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the functions' {@code aws-call} lines ({@code AwsCallCounter} with {@code BATON_COUNT_CAPACITY=true})
 * from this JVM's standard output, where the local stack echoes each function's output as {@code [name] line}.
 * Installed as {@code System.out}: counted lines are swallowed, every other line goes to a log file, so the
 * console shows only the harness's own report. Counts are kept per function and operation.
 */
final class CallLog extends OutputStream {

    private static final Pattern CALL = Pattern.compile(
            "^\\[([\\w-]+)] .*\\baws-call (\\S+)(?: read=([\\d.]+) write=([\\d.]+) index=([\\d.]+)| failed)");

    /** Calls, read units and write units of one operation, and the units its secondary indexes took. */
    record Tally(long calls, double read, double write, double index) {
        static final Tally ZERO = new Tally(0, 0, 0, 0);

        Tally plus(Tally o) {
            return new Tally(calls + o.calls, read + o.read, write + o.write, index + o.index);
        }

        Tally minus(Tally o) {
            return new Tally(calls - o.calls, read - o.read, write - o.write, index - o.index);
        }
    }

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final OutputStream other;
    private final Map<String, Tally> tallies = new TreeMap<>(); // "function Service.Operation"
    private volatile long lastCallNanos = System.nanoTime();

    private CallLog(OutputStream other) {
        this.other = other;
    }

    /** Replaces {@code System.out}; lines that are not counted go to {@code otherLines}. */
    static CallLog install(Path otherLines) throws IOException {
        Files.createDirectories(otherLines.getParent());
        CallLog log = new CallLog(Files.newOutputStream(otherLines));
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        return log;
    }

    /** A log that counts nothing (the harness against a stack it did not start). */
    static CallLog inert() {
        return new CallLog(OutputStream.nullOutputStream());
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void endLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        Matcher m = CALL.matcher(text);
        if (m.find()) {
            double read = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
            double write = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
            double index = m.group(5) == null ? 0 : Double.parseDouble(m.group(5));
            tallies.merge(m.group(1) + " " + m.group(2), new Tally(1, read, write, index), Tally::plus);
            lastCallNanos = System.nanoTime();
        } else {
            other.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        other.flush();
    }

    /** The counts so far, by {@code "function Service.Operation"}. */
    synchronized Map<String, Tally> snapshot() {
        return new TreeMap<>(tallies);
    }

    /** The counts since {@code before}, without zero entries. */
    synchronized Map<String, Tally> since(Map<String, Tally> before) {
        Map<String, Tally> delta = new TreeMap<>();
        tallies.forEach((k, v) -> {
            Tally d = v.minus(before.getOrDefault(k, Tally.ZERO));
            if (d.calls() != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    /**
     * Waits until no counted line has arrived for {@code quiet} (at most {@code max}): the functions write
     * their lines before they answer, but the stack echoes them on its own threads, a moment later.
     */
    void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && System.nanoTime() - lastCallNanos < quiet.toNanos()) {
            Thread.sleep(20);
        }
    }
}
