package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application as the {@code order-events} Lambda against the local backends and a fake EventBridge. */
public class OrderEventsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "order-events");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class),
                new TestResourceEntry(FakeEventBridge.class));
    }
}
