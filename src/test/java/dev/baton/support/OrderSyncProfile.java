package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application as the {@code order-sync} Lambda against the local backends. */
public class OrderSyncProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "order-sync",
                // secret header values come from the environment, which config reads; tests set it here
                "BATON_TEST_INSURER_TOKEN", "Bearer test-token");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
