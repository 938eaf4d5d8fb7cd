package dev.baton.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.baton.order.domain.NodeData;
import dev.baton.support.FakeInsurer;
import dev.baton.support.OrderSyncProfile;
import dev.baton.sync.app.Connector;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.RetryPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A downstream's redirect is an answer, never a second request: a 302 to instance metadata is not followed. */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class RedirectsNotFollowedTest {

    @Inject
    Connector connector;

    @Test
    void aRedirectToInstanceMetadataIsAFailedAnswer_notAFollowedRequest() {
        WireMockServer insurer = FakeInsurer.start();
        try {
            // given an insurer that redirects to the instance metadata service
            insurer.stubFor(post(urlEqualTo("/p")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/iam/security-credentials/")));
            Downstream downstream = new Downstream("redirect", 1, URI.create(insurer.baseUrl() + "/p"),
                    Downstream.MAX_TIMEOUT, Map.of(), Map.of(), null, Set.of(), null, null, RetryPolicy.DEFAULT,
                    List.of());
            // when
            Connector.Outcome outcome = connector.submit(downstream, "key-1", new NodeData("{}"), java.time.Duration.ofSeconds(2));
            // then the 302 itself is the answer, classified like any other non-2xx status
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.failure().kind()).isEqualTo(FailureKind.HTTP_STATUS);
            assertThat(outcome.failure().httpStatus()).isEqualTo(302);
            insurer.verify(1, postRequestedFor(urlEqualTo("/p")));
        } finally {
            insurer.stop();
        }
    }
}
