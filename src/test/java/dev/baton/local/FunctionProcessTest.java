package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A native function.zip runs as Lambda's provided.al2023 runs it: its bootstrap, in the task root. */
class FunctionProcessTest {

    @TempDir
    Path dir;

    @Test
    void aZipWithABootstrap_runsThatExecutableInTheTaskRootWithTheFunctionsEnvironment() throws Exception {
        // given a "native" function.zip whose bootstrap reports where and with what it runs
        Path seen = dir.resolve("seen.txt");
        Path functionDir = nativeFunctionWriting("echo \"$PWD|$LAMBDA_TASK_ROOT|$AWS_LAMBDA_RUNTIME_API\"", seen);
        // when
        try (FunctionProcess process = FunctionProcess.start("mapping-config", functionDir, "ignored::handler",
                Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))) {
            awaitFile(seen);
        }
        // then
        assertThat(Files.readString(seen).strip()).isEqualTo(functionDir + "|" + functionDir + "|127.0.0.1:9001");
    }

    @Test
    void aTrustStoreGivenToTheStack_isPassedToTheExecutableAsSystemProperties_notAsVariables() throws Exception {
        // given a "native" function.zip whose bootstrap reports its arguments and whether it sees the variable
        Path seen = dir.resolve("args.txt");
        Path functionDir = nativeFunctionWriting("echo \"$*|${BATON_FUNCTION_TRUSTSTORE:-unset}\"", seen);
        // when
        try (FunctionProcess process = FunctionProcess.start("order-sync", functionDir, "ignored::handler",
                Map.of(FunctionProcess.TRUST_STORE, "/tmp/trust.p12", FunctionProcess.TRUST_STORE_PASSWORD, "s3"))) {
            awaitFile(seen);
        }
        // then
        assertThat(Files.readString(seen).strip()).isEqualTo("-Djavax.net.ssl.trustStore=/tmp/trust.p12 "
                + "-Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=s3|unset");
    }

    @Test
    void startedAlone_aFunctionSeesOnlyTheVariablesItIsGiven_asLambdaGivesThem() throws Exception {
        // given a "native" function.zip whose bootstrap writes out its whole environment
        Path seen = dir.resolve("env.txt");
        Path functionDir = nativeFunctionWriting("/usr/bin/env", seen);
        // when
        try (FunctionProcess process = FunctionProcess.startAlone("handoff", functionDir, "ignored::handler",
                Map.of("BATON_TABLES_ORDERS", "orders"))) {
            awaitFile(seen);
        }
        // then: its own variable and the runtime's, none of this process's (a shell may add its PWD, SHLVL, _)
        java.util.Set<String> names = Files.readAllLines(seen).stream().map(line -> line.split("=", 2)[0])
                .collect(java.util.stream.Collectors.toSet());
        assertThat(names).contains("BATON_TABLES_ORDERS", "LAMBDA_TASK_ROOT", "_HANDLER");
        java.util.Set<String> inherited = new java.util.HashSet<>(System.getenv().keySet());
        inherited.removeAll(java.util.List.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertThat(inherited).isNotEmpty();
        assertThat(names).doesNotContainAnyElementsOf(inherited);
    }

    @Test
    void theLocalStack_startsFunctionsUnprimed_unlessItsOwnEnvironmentAsks() {
        Map<String, String> env = Map.of("BATON_AUTH_MODE", "off");
        assertThat(LocalBaton.withoutPriming(env, Map.of())).containsEntry("BATON_PRIME", "false")
                .containsEntry("BATON_AUTH_MODE", "off");
        assertThat(LocalBaton.withoutPriming(env, Map.of("BATON_PRIME", "true"))).containsEntry("BATON_PRIME", "true");
    }

    /**
     * A "native" function.zip whose bootstrap writes what {@code command} prints to {@code file}, whole: into a
     * temporary file first, then renamed, so {@link #awaitFile} never sees it half written (the shell creates a
     * redirect's file before the command writes to it). Unpacked into the function's directory.
     */
    private Path nativeFunctionWriting(String command, Path file) throws Exception {
        String script = command + " > " + file + ".tmp && /bin/mv " + file + ".tmp " + file;
        Path zip = dir.resolve("function.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(FunctionProcess.BOOTSTRAP));
            out.write(("#!/bin/sh\n" + script + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return FunctionZip.unpack(zip, dir.resolve("function")).toAbsolutePath();
    }

    /** Waits (up to 10 s) for the running bootstrap to write {@code file}. */
    private static void awaitFile(Path file) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(file) && Instant.now().isBefore(limit)) {
            Thread.sleep(50);
        }
    }
}
