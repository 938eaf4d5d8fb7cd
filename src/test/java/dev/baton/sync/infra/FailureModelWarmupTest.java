package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureModelWarmupTest {

    @Test
    void onlyTheFunctionsThatClassify_readTheModelAtStartUp() {
        assertThat(FailureModelWarmup.readsTheModel("order-sync")).isTrue();
        assertThat(FailureModelWarmup.readsTheModel("order-retry")).isTrue();
        assertThat(FailureModelWarmup.readsTheModel("")).isTrue(); // one process serving every function
        assertThat(FailureModelWarmup.readsTheModel("handoff")).isFalse();
        assertThat(FailureModelWarmup.readsTheModel("mapping-config")).isFalse();
        assertThat(FailureModelWarmup.readsTheModel("order-sweep")).isFalse();
        assertThat(FailureModelWarmup.readsTheModel("order-events")).isFalse();
    }
}
