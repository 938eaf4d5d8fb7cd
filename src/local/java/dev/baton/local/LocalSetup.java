package dev.baton.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads {@code run.sh}'s environment into {@link LocalBaton.Settings}, checking everything a newcomer can get
 * wrong before anything starts: a port that is taken, a missing or unreadable JWKS file, a switch given under
 * two names. Every problem is a {@link Problem} whose message is one line saying what to change.
 * <p>
 * One name per switch, the same the functions read: {@code BATON_AUTH_MODE} and {@code BATON_LOG_JSON}. The
 * names run.sh used before ({@code BATON_AUTH}, {@code BATON_JSON_LOGS}) still work with a deprecation line;
 * both names with different values are refused, so neither silently wins.
 */
public final class LocalSetup {

    /** A start-up problem the user can fix; the message is one line. */
    public static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> env;
    private final Consumer<String> notes;

    /** Reads {@code env}; deprecation lines go to {@code notes}. */
    public LocalSetup(Map<String, String> env, Consumer<String> notes) {
        this.env = env;
        this.notes = notes;
    }

    /** The settings, with {@code functionDir} the unpacked function.zip; throws {@link Problem}. */
    public LocalBaton.Settings settings(java.util.function.Function<Path, Path> unpack) {
        int port = port("BATON_PORT", 8080);
        int insurerPort = port("BATON_INSURER_PORT", 8081);
        if (port != 0 && port == insurerPort) {
            throw new Problem("BATON_PORT and BATON_INSURER_PORT are both " + port + ": give them different ports.");
        }
        requireFree("BATON_PORT", port);
        requireFree("BATON_INSURER_PORT", insurerPort);
        Optional<JwtVerifier> jwt = verifier();
        boolean jsonLogs = Boolean.parseBoolean(oneOf("BATON_LOG_JSON", "BATON_JSON_LOGS", "false"));
        Path zip = Path.of(value("BATON_FUNCTION_ZIP", nativeFunctions() ? NATIVE_ZIP : "target/function.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new Problem("No " + zip + " (BATON_FUNCTION_ZIP): build it with " + (nativeFunctions()
                    ? "infra/native/build.sh (minutes)." : "./mvnw -B package -DskipTests."));
        }
        long sweep = number("BATON_SWEEP_SECONDS", 60, 1, 86_400);
        Path dataDir = Path.of(value("BATON_DATA_DIR", ".baton"));
        return new LocalBaton.Settings(port, insurerPort, dataDir.resolve("dynamodb"), unpack.apply(zip), sweep,
                jwt, jsonLogs);
    }

    /** The native build's function.zip, which infra/native/build.sh leaves. */
    static final String NATIVE_ZIP = "target/function-native.zip";

    /** {@code BATON_NATIVE=1}: the functions run as the native executables of {@value #NATIVE_ZIP}. */
    public boolean nativeFunctions() {
        String raw = value("BATON_NATIVE", "0");
        if (!raw.equals("0") && !raw.equals("1")) {
            throw new Problem("BATON_NATIVE must be 0 or 1, was " + raw + ".");
        }
        return raw.equals("1");
    }

    /** {@code off} (default) or {@code jwt}, from {@code BATON_AUTH_MODE} (or the old {@code BATON_AUTH}). */
    public String authMode() {
        String mode = oneOf("BATON_AUTH_MODE", "BATON_AUTH", "off");
        if (!mode.equals("off") && !mode.equals("jwt")) {
            throw new Problem("BATON_AUTH_MODE must be off or jwt, was " + mode + ".");
        }
        return mode;
    }

    private Optional<JwtVerifier> verifier() {
        if (!authMode().equals("jwt")) {
            return Optional.empty();
        }
        Path jwks = Path.of(required("BATON_JWKS_FILE"));
        String issuer = required("BATON_JWT_ISSUER");
        String audience = required("BATON_JWT_AUDIENCE");
        if (!Files.isRegularFile(jwks) || !Files.isReadable(jwks)) {
            throw new Problem("BATON_JWKS_FILE " + jwks + " is not a readable file: point it at a JWKS JSON file.");
        }
        try {
            return Optional.of(new JwtVerifier(jwks, issuer, audience));
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            throw new Problem("BATON_JWKS_FILE " + jwks + " is not a JWKS JSON file ({\"keys\":[...]}): "
                    + e.getMessage());
        }
    }

    /** The value of {@code name}, or of {@code oldName} with a deprecation line; both and different: refused. */
    private String oneOf(String name, String oldName, String fallback) {
        Optional<String> current = Optional.ofNullable(value(name, null));
        Optional<String> old = Optional.ofNullable(value(oldName, null));
        if (old.isEmpty()) {
            return current.orElse(fallback);
        }
        if (current.isPresent() && !current.get().equals(old.get())) {
            throw new Problem(name + "=" + current.get() + " and " + oldName + "=" + old.get()
                    + " disagree: set only " + name + ".");
        }
        notes.accept(oldName + " is deprecated: set " + name + "=" + old.get() + " instead.");
        return old.get();
    }

    private int port(String name, int fallback) {
        return (int) number(name, fallback, 0, 65_535);
    }

    private long number(String name, long fallback, long min, long max) {
        String raw = value(name, Long.toString(fallback));
        try {
            long n = Long.parseLong(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem(name + " must be a whole number from " + min + " to " + max + ", was " + raw + ".");
    }

    /** Binding the gateway's or insurer's loopback address now is the only check that does not race a build. */
    private static void requireFree(String name, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new Problem("Port " + port + " (" + name + ") is already in use: stop what listens there or set "
                    + name + " to a free port.");
        }
    }

    private String required(String name) {
        String value = value(name, null);
        if (value == null) {
            throw new Problem(name + " is required with BATON_AUTH_MODE=jwt.");
        }
        return value;
    }

    private String value(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
