package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application as the {@code order-retry} Lambda against the local backends. */
public class OrderRetryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // the stand-in insurers are WireMock servers on loopback http: opt in, as the local stack does
        return Map.of("quarkus.funqy.export", "order-retry", "baton.downstream.allow-insecure-local", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
