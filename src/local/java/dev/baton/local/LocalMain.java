package dev.baton.local;

import java.nio.file.Path;

/**
 * The entry point of {@code infra/local/run.sh}: reads the environment with {@link LocalSetup}, starts a
 * {@link LocalBaton} and prints the lines run.sh's users (and the CI walkthrough) wait for.
 */
public final class LocalMain {

    private LocalMain() {
    }

    /**
     * Starts the stack as {@code run.sh} configures it. A problem the user can fix (a port in use, a missing
     * JWKS file) is one line on stderr and exit status 2; any other start-up failure one line and status 1.
     * Either way the JVM exits: the embedded servers' threads must not keep a failed start alive.
     */
    public static void main(String[] args) {
        LocalBaton baton;
        try {
            LocalBaton.Settings settings = new LocalSetup(System.getenv(), System.err::println)
                    .settings(LocalMain::unpackOrFail);
            baton = LocalBaton.start(settings);
        } catch (LocalSetup.Problem e) {
            System.err.println("Baton local did not start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception | Error e) {
            System.err.println("Baton local did not start: " + startFailure(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(baton::close, "baton-local-stop"));
        printBanner(baton);
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line for a failure while starting, naming the port when a server could not bind (a race with run.sh's check). */
    static String startFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return "a port is already in use (" + t.getMessage() + "): set BATON_PORT and BATON_INSURER_PORT "
                        + "to free ports.";
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void printBanner(LocalBaton baton) {
        System.out.println("Local stand-in insurer on " + baton.insurerUri()
                + "/proposals (switch it with POST /mode: up, busy, busy-gbk, busy-gbk-unlabelled, down, invalid, reject, odd, slow, drip, hold)");
        System.out.println(baton.settings().jwt().isPresent()
                ? "Auth: jwt — tokens verified against BATON_JWKS_FILE, issuer BATON_JWT_ISSUER"
                : "Auth: OFF (BATON_AUTH_MODE=off) — every caller is trusted; set BATON_AUTH_MODE=jwt to require tokens");
        Path functions = baton.settings().functionDir();
        System.out.println("Functions run " + (java.nio.file.Files.isRegularFile(functions.resolve(FunctionProcess.BOOTSTRAP))
                ? "natively" : "on the JVM") + ", unpacked in " + functions);
        System.out.println("Console on " + baton.baseUri() + "/console");
        System.out.println("Baton local ready on " + baton.baseUri());
    }

    /** BATON_FUNCTION_DIR, or {@code target/local-function-<BATON_PORT>}. */
    static Path functionDir(java.util.Map<String, String> env) {
        String dir = env.get("BATON_FUNCTION_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String port = env.getOrDefault("BATON_PORT", "");
        return Path.of("target", "local-function-" + (port.matches("[0-9]{1,5}") ? port : "8080"));
    }

    private static Path unpackOrFail(Path zip) {
        try {
            // a stack started beside another one must not replace its jars or executable: by default every port
            // has its own folder (one shared folder let a JVM stack started beside a native one find the native
            // bootstrap there and run it, saying nothing)
            return LocalBaton.unpack(zip, functionDir(System.getenv()));
        } catch (java.io.IOException e) {
            throw new LocalSetup.Problem("Could not unpack " + zip + ": " + e.getMessage());
        }
    }
}
