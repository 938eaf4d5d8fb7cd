package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * What {@code run.sh} tells a newcomer who got its environment wrong: one line naming the variable and what to
 * change, before anything starts; and one name per switch, never silently overridden.
 */
class LocalSetupTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void aBuiltFunctionZipOnFreePorts() throws Exception {
        Path zip = Files.writeString(dir.resolve("function.zip"), "zip");
        env.put("BATON_FUNCTION_ZIP", zip.toString());
        env.put("BATON_PORT", "0");
        env.put("BATON_INSURER_PORT", "0");
    }

    private LocalBaton.Settings settings() {
        return new LocalSetup(env, notes::add).settings(zip -> dir);
    }

    @Test
    void nativeWithoutItsBuild_namesTheNativeBuildScript() {
        // given
        env.remove("BATON_FUNCTION_ZIP");
        env.put("BATON_NATIVE", "1");
        // when / then (the tests run in the project root, where no native build is kept)
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of(LocalSetup.NATIVE_ZIP)));
        assertThatThrownBy(this::settings).isInstanceOf(LocalSetup.Problem.class)
                .hasMessage("No target/function-native.zip (BATON_FUNCTION_ZIP): build it with infra/native/build.sh "
                        + "(minutes).");
    }

    @Test
    void aNativeSwitchThatIsNeitherZeroNorOne_isRefused() {
        // given
        env.put("BATON_NATIVE", "yes");
        // when / then
        assertThatThrownBy(this::settings).isInstanceOf(LocalSetup.Problem.class)
                .hasMessage("BATON_NATIVE must be 0 or 1, was yes.");
    }

    @Test
    void aPortInUse_isOneLineNamingTheVariable() throws Exception {
        // given
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            env.put("BATON_INSURER_PORT", Integer.toString(taken.getLocalPort()));
            // when / then
            assertThatThrownBy(this::settings).isInstanceOf(LocalSetup.Problem.class)
                    .hasMessage("Port " + taken.getLocalPort() + " (BATON_INSURER_PORT) is already in use: stop what "
                            + "listens there or set BATON_INSURER_PORT to a free port.");
        }
    }

    @Test
    void theSamePortTwice_isRefused() {
        env.put("BATON_PORT", "18080");
        env.put("BATON_INSURER_PORT", "18080");

        assertThatThrownBy(this::settings).hasMessageContaining("BATON_PORT and BATON_INSURER_PORT are both 18080");
    }

    @Test
    void aPortThatIsNoNumber_isRefused() {
        env.put("BATON_PORT", "80a");

        assertThatThrownBy(this::settings).hasMessage("BATON_PORT must be a whole number from 0 to 65535, was 80a.");
    }

    @Test
    void jwtWithAMissingJwksFile_isOneLineNamingTheFile() {
        // given
        jwt(dir.resolve("nowhere.json"));
        // when / then
        assertThatThrownBy(this::settings).isInstanceOf(LocalSetup.Problem.class)
                .hasMessageStartingWith("BATON_JWKS_FILE " + dir.resolve("nowhere.json") + " is not a readable file");
    }

    @Test
    void jwtWithAFileThatIsNoJwks_isOneLine() throws Exception {
        jwt(Files.writeString(dir.resolve("keys.json"), "not json"));

        assertThatThrownBy(this::settings).isInstanceOf(LocalSetup.Problem.class)
                .hasMessageContaining("is not a JWKS JSON file").hasMessageNotContaining("\n");
    }

    @Test
    void jwtWithAValidJwksFile_verifiesTokens() throws Exception {
        String jwks = new JWKSet(new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK()).toString();
        jwt(Files.writeString(dir.resolve("jwks.json"), jwks));

        assertThat(settings().jwt()).isPresent();
    }

    @Test
    void jwtWithoutIssuer_namesTheMissingVariable() {
        env.put("BATON_AUTH_MODE", "jwt");

        assertThatThrownBy(this::settings).hasMessage("BATON_JWKS_FILE is required with BATON_AUTH_MODE=jwt.");
    }

    @Test
    void theOldSwitchNames_stillWork_withADeprecationLine() {
        env.put("BATON_AUTH", "off");
        env.put("BATON_JSON_LOGS", "true");

        assertThat(settings().jsonLogs()).isTrue();
        assertThat(notes).containsExactly("BATON_AUTH is deprecated: set BATON_AUTH_MODE=off instead.",
                "BATON_JSON_LOGS is deprecated: set BATON_LOG_JSON=true instead.");
    }

    @Test
    void bothNamesOfOneSwitchDisagreeing_isRefused_neitherWinsSilently() {
        env.put("BATON_LOG_JSON", "true");
        env.put("BATON_JSON_LOGS", "false");

        assertThatThrownBy(this::settings)
                .hasMessage("BATON_LOG_JSON=true and BATON_JSON_LOGS=false disagree: set only BATON_LOG_JSON.");
    }

    @Test
    void theFunctionsReadTheSwitchesTheUserSet() {
        env.put("BATON_LOG_JSON", "true");

        assertThat(settings().jsonLogs()).isTrue();
        assertThat(notes).isEmpty();
    }

    @Test
    void noFunctionZip_saysHowToBuildIt() {
        env.put("BATON_FUNCTION_ZIP", dir.resolve("missing.zip").toString());

        assertThatThrownBy(this::settings).hasMessageContaining("build it with ./mvnw -B package -DskipTests");
    }

    @Test
    void aBindFailureWhileStarting_isOneLine() {
        var e = new IllegalStateException("start", new java.net.BindException("Address already in use"));

        assertThat(LocalMain.startFailure(e)).startsWith("a port is already in use (Address already in use)");
    }

    private void jwt(Path jwks) {
        env.put("BATON_AUTH_MODE", "jwt");
        env.put("BATON_JWKS_FILE", jwks.toString());
        env.put("BATON_JWT_ISSUER", "https://issuer.example");
        env.put("BATON_JWT_AUDIENCE", "baton");
    }
}
