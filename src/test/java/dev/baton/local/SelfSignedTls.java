package dev.baton.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's {@code keytool}: the key
 * store a stand-in HTTPS server uses, and a trust store holding only that certificate, the way a private CA's
 * certificate is handed to a client. Both PKCS12 with {@link #PASSWORD}.
 */
record SelfSignedTls(Path keyStore, Path trustStore) {

    static final String PASSWORD = "changeit";

    /** Creates the two stores in {@code dir}. */
    static SelfSignedTls create(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("insurer.p12");
        Path certificate = dir.resolve("insurer.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "insurer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "insurer", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "insurer", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new SelfSignedTls(keyStore, trustStore);
    }

    /** The server side: a TLS context presenting the certificate. */
    SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
