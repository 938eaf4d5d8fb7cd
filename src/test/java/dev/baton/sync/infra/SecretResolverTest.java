package dev.baton.sync.infra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.sync.domain.Downstream.SecretRef;
import dev.baton.sync.domain.TimeBudget;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@link SecretResolver} against a real HTTP server speaking the SSM API (Parameter Store's wire protocol). */
class SecretResolverTest {

    private static final SecretRef TOKEN = new SecretRef(SecretRef.Source.PARAMETER, "/baton/insurer/token");
    private static final SecretRef KEY = new SecretRef(SecretRef.Source.PARAMETER, "/baton/insurer/key");

    private final WireMockServer ssm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private SecretResolver resolver;
    private SecretResolver impatient;

    @BeforeEach
    void start() {
        ssm.start();
        SsmClient client = SsmClient.builder().endpointOverride(URI.create(ssm.baseUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        // a generous bound, so a busy test machine's first SDK call (class loading) never times out ...
        resolver = new SecretResolver(ConfigProvider.getConfig(), client, clock, Duration.ofSeconds(60),
                new dev.baton.sync.domain.SecretRefPolicy("/baton/"));
        // ... and the production bound, for the test of the bound itself
        impatient = new SecretResolver(ConfigProvider.getConfig(), client, clock, dev.baton.sync.domain.TimeBudget.SECRET_LOOKUP,
                new dev.baton.sync.domain.SecretRefPolicy("/baton/"));
    }

    @AfterEach
    void stop() {
        ssm.stop();
    }

    @Test
    void allParametersOfACall_comeFromOneDecryptedLookup_cachedForFiveMinutes() {
        // given Parameter Store holding both SecureStrings
        answer(200, "{\"Parameters\":[" + parameter(TOKEN, "Bearer t") + "," + parameter(KEY, "k-1")
                + "],\"InvalidParameters\":[]}");
        Map<String, SecretRef> headers = headers("Authorization", TOKEN, "X-Key", KEY);
        // when resolved twice within the cache time, then once after it
        SecretResolver.Resolution first = resolver.resolve(headers);
        now = now.plusSeconds(SecretResolver.CACHE_SECONDS - 1);
        SecretResolver.Resolution cached = resolver.resolve(headers);
        now = now.plusSeconds(2);
        resolver.resolve(headers);
        // then
        assertThat(first.complete()).isTrue();
        assertThat(first.values()).containsEntry("Authorization", "Bearer t").containsEntry("X-Key", "k-1");
        assertThat(cached.values()).isEqualTo(first.values());
        assertThat(first.toString()).doesNotContain("Bearer t").doesNotContain("k-1");
        ssm.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("\"WithDecryption\":true")));
    }

    @Test
    void aParameterThatDoesNotExist_makesTheWholeResolutionUnavailable_namingTheHeader() {
        // given Parameter Store knowing only one of the two names
        answer(200, "{\"Parameters\":[" + parameter(TOKEN, "Bearer t") + "],\"InvalidParameters\":[\""
                + KEY.name() + "\"]}");
        // when
        SecretResolver.Resolution r = resolver.resolve(headers("Authorization", TOKEN, "X-Key", KEY));
        // then no header at all, and why
        assertThat(r.complete()).isFalse();
        assertThat(r.values()).isEmpty();
        assertThat(r.unavailable()).isEqualTo("secret for header X-Key is unavailable: parameter /baton/insurer/key"
                + " does not exist");
    }

    @Test
    void aRefusal_isUnavailable_withParameterStoresErrorCode() {
        // given a role without ssm:GetParameters (or kms:Decrypt) on the name
        answer(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}");
        // when
        SecretResolver.Resolution r = resolver.resolve(headers("Authorization", TOKEN, "X-Key", KEY));
        // then
        assertThat(r.unavailable()).isEqualTo("secret for header Authorization is unavailable: Parameter Store"
                + " answered AccessDeniedException (HTTP 400)");
    }

    @Test
    void aParameterStoreSlowerThanTheBudget_isCutOff_andUnavailable() {
        // given Parameter Store answering after longer than TimeBudget.SECRET_LOOKUP
        ssm.stubFor(post("/").willReturn(aResponse().withStatus(200).withFixedDelay(
                (int) TimeBudget.SECRET_LOOKUP.multipliedBy(3).toMillis()).withBody("{\"Parameters\":[]}")));
        // when
        SecretResolver.Resolution r = impatient.resolve(headers("Authorization", TOKEN, "X-Key", KEY));
        // then
        assertThat(r.unavailable()).isEqualTo("secret for header Authorization is unavailable: Parameter Store"
                + " call failed: ApiCallTimeoutException");
    }

    @Test
    void anEnvironmentVariableThatIsNotSet_isUnavailable_andParameterStoreIsNotAsked() {
        // when
        SecretResolver.Resolution r = resolver.resolve(Map.of("Authorization",
                new SecretRef(SecretRef.Source.ENV, "BATON_SECRET_NO_SUCH_SECRET")));
        // then
        assertThat(r.unavailable()).isEqualTo("secret for header Authorization is unavailable: environment variable"
                + " BATON_SECRET_NO_SUCH_SECRET is not set");
        assertThat(ssm.getAllServeEvents()).isEmpty();
    }

    private void answer(int status, String body) {
        ssm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameters"))
                .willReturn(aResponse().withStatus(status).withHeader("content-type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static String parameter(SecretRef ref, String value) {
        return "{\"Name\":\"" + ref.name() + "\",\"Type\":\"SecureString\",\"Value\":\"" + value + "\"}";
    }

    private static Map<String, SecretRef> headers(String first, SecretRef a, String second, SecretRef b) {
        Map<String, SecretRef> headers = new LinkedHashMap<>();
        headers.put(first, a);
        headers.put(second, b);
        return headers;
    }
}
