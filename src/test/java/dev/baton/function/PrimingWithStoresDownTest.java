package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.baton.support.StoresDownProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With DynamoDB and SQS unreachable, priming fails quietly: the function starts and is marked primed. */
@QuarkusTest
@TestProfile(PrimingWithStoresDownTest.Primed.class)
class PrimingWithStoresDownTest {

    /** {@link StoresDownProfile} with priming on. */
    public static class Primed extends StoresDownProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("baton.prime", "true");
            return config;
        }
    }

    @Inject
    Priming priming;

    @Test
    void anUnreachableAws_doesNotStopTheStart() {
        assertThat(priming.primed()).isTrue();
    }
}
