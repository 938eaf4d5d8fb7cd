package dev.baton.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature scheme of README "Order events", as a receiver checks it. */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e-1\",\"type\":\"order.started\"}";

    @Test
    void aSignatureOverTimestampAndBody_verifiesWithTheSameSecret_only() {
        String signature = WebhookSignature.sign("s3cret", 1_800_000_000L, BODY);

        assertThat(signature).startsWith("v1=").hasSize(3 + 64);
        assertThat(WebhookSignature.verify("s3cret", "1800000000", BODY, signature, 1_800_000_010L)).isTrue();
        assertThat(WebhookSignature.verify("other", "1800000000", BODY, signature, 1_800_000_010L)).isFalse();
    }

    @Test
    void aChangedBodyOrTimestamp_isRefused() {
        String signature = WebhookSignature.sign("s3cret", 1_800_000_000L, BODY);

        assertThat(WebhookSignature.verify("s3cret", "1800000000", BODY.replace("e-1", "e-2"), signature,
                1_800_000_000L)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1800000001", BODY, signature, 1_800_000_000L)).isFalse();
    }

    @Test
    void aReplayOutsideTheTolerance_orAMissingHeader_isRefused() {
        String signature = WebhookSignature.sign("s3cret", 1_800_000_000L, BODY);

        assertThat(WebhookSignature.verify("s3cret", "1800000000", BODY, signature,
                1_800_000_000L + WebhookSignature.TOLERANCE_SECONDS + 1)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, BODY, signature, 1_800_000_000L)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1800000000", BODY, null, 1_800_000_000L)).isFalse();
    }
}
