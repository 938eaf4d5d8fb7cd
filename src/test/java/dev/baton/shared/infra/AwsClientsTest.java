package dev.baton.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** How {@link AwsClients} configures a builder: the counter, extra interceptors by name, the endpoint. */
class AwsClientsTest {

    /** An interceptor the configuration can name. */
    public static class Named implements ExecutionInterceptor {
    }

    @Test
    void countsCalls_thenAddsTheNamedInterceptors_andTheEndpoint() {
        try (SqsClient client = AwsClients.configured(SqsClient.builder().region(Region.US_EAST_1),
                Optional.of(URI.create("http://127.0.0.1:9")), List.of(" " + Named.class.getName() + " "), true)
                .build()) {
            var config = client.serviceClientConfiguration();
            assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
            assertThat(config.overrideConfiguration().executionInterceptors())
                    .extracting(i -> i.getClass().getSimpleName()).endsWith("AwsCallCounter", "Named")
                    .contains("TraceIdExecutionInterceptor"); // the SDK's own stay, Lambda's trace id among them
        }
    }

    @Test
    void uncounted_withoutEndpoint_isAwsOwn() {
        try (SqsClient client = AwsClients.configured(SqsClient.builder().region(Region.US_EAST_1), Optional.empty(),
                List.of(), false).build()) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
            assertThat(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                    .extracting(i -> i.getClass().getSimpleName()).doesNotContain("AwsCallCounter");
        }
    }

    @Test
    void anInterceptorThatIsNone_namesTheSetting() {
        assertThatThrownBy(() -> AwsClients.configured(SqsClient.builder(), Optional.empty(),
                List.of(String.class.getName()), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baton.aws.*.interceptors").hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> AwsClients.configured(SqsClient.builder(), Optional.empty(),
                List.of("no.such.Interceptor"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.Interceptor");
    }
}
