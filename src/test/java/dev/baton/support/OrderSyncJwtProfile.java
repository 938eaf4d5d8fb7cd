package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The {@code order-sync} Lambda as deployed: {@code baton.auth.mode=jwt}, so scopes and owners are checked. */
public class OrderSyncJwtProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "order-sync", "baton.auth.mode", "jwt");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
