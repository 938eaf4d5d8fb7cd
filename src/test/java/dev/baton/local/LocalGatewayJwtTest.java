package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stack with {@code BATON_AUTH=jwt}: real RS256 tokens verified against a JWKS file like API
 * Gateway's JWT authorizer, route scopes enforced, and the verified claims handed to the function in
 * {@code requestContext.authorizer.jwt}. The function here is a Runtime API client that echoes its event.
 */
class LocalGatewayJwtTest {

    static final String ISSUER = "https://issuer.example";
    static final String AUDIENCE = "baton-console";

    @TempDir
    Path dir;

    private RSAKey key;
    private RuntimeApiEmulator function;
    private LocalGateway gateway;
    private Thread echo;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        function = new RuntimeApiEmulator("echo", Duration.ofSeconds(5));
        echo = new Thread(this::echoEvents, "echo-function");
        echo.setDaemon(true);
        echo.start();
        gateway = new LocalGateway(0, List.of(new LocalGateway.Binding("POST", "/v1/orders", List.of("baton/terminal"),
                function), new LocalGateway.Binding("ANY", "/{proxy+}", List.of(), function)),
                Optional.of(new JwtVerifier(jwks, ISSUER, AUDIENCE)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        function.close();
        echo.interrupt();
    }

    /** A Lambda function that answers every event with the event's authorizer context as its body. */
    private void echoEvents() {
        String base = "http://" + function.address() + "/2018-06-01/runtime/invocation/";
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(next.body());
                String authorizer = event.path("requestContext").path("authorizer").toString();
                var response = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("statusCode", 200).put("body", authorizer);
                http.send(HttpRequest.newBuilder(URI.create(base + id + "/response"))
                        .POST(HttpRequest.BodyPublishers.ofString(response.toString())).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                return;
            }
        }
    }

    private String token(String issuer, String audience, String scope, Instant expires, RSAKey signer)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("user-1")
                        .claim("terminal_id", "agent-0042").claim("scope", scope)
                        .expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                + "/v1/orders")).POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidTokenWithTheRouteScope_reachesTheFunctionWithItsClaims() throws Exception {
        Instant soon = Instant.now().plusSeconds(300);
        HttpResponse<String> ok = post(token(ISSUER, AUDIENCE, "openid baton/terminal", soon, key));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"terminal_id\":\"agent-0042\"").contains("\"scopes\":[\"openid\","
                + "\"baton/terminal\"]");
    }

    @Test
    void missingExpiredForeignOrMisdirectedTokens_areRejectedBeforeTheFunction() throws Exception {
        Instant soon = Instant.now().plusSeconds(300);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(post(null).statusCode()).isEqualTo(401);
        assertThat(post("not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(post(token(ISSUER, AUDIENCE, "baton/terminal", Instant.now().minusSeconds(120), key))
                .statusCode()).isEqualTo(401);
        assertThat(post(token("https://evil.example", AUDIENCE, "baton/terminal", soon, key)).statusCode())
                .isEqualTo(401);
        assertThat(post(token(ISSUER, "someone-else", "baton/terminal", soon, key)).statusCode()).isEqualTo(401);
        assertThat(post(token(ISSUER, AUDIENCE, "baton/terminal", soon, stranger)).statusCode()).isEqualTo(401);
        assertThat(post(token(ISSUER, AUDIENCE, "baton/admin", soon, key)).statusCode()).isEqualTo(403);
    }
}
