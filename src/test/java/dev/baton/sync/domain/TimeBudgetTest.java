package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    @Test
    void aSynchronousAttempt_fitsApiGatewaysLimit_withItsMargin() {
        assertThat(TimeBudget.SYNCHRONOUS_CALL).isEqualTo(Duration.ofSeconds(21));
        assertThat(TimeBudget.orderSyncWork()).isEqualTo(Duration.ofSeconds(29));
        assertThat(TimeBudget.orderSyncWork().plus(TimeBudget.RESPONSE_MARGIN)).isEqualTo(TimeBudget.API_GATEWAY_LIMIT);
    }

    @Test
    void theSynchronousSync_shortensOnlyCallsLongerThanItsShare() {
        assertThat(TimeBudget.synchronousCall(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(TimeBudget.synchronousCall(Downstream.MAX_TIMEOUT)).isEqualTo(TimeBudget.SYNCHRONOUS_CALL);
    }

    @Test
    void aRetryInvocation_isOneAttemptWithTheLongestCall() {
        assertThat(TimeBudget.orderRetryWork()).isEqualTo(Duration.ofSeconds(3 + 3 + 25 + 2));
    }
}
