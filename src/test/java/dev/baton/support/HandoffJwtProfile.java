package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The {@code handoff} Lambda as deployed: {@code baton.auth.mode=jwt}, so scopes and terminals are checked. */
public class HandoffJwtProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // as deployed: tokens on, client-chosen order ids scoped to the caller's terminal
        return Map.of("quarkus.funqy.export", "handoff", "baton.auth.mode", "jwt", "baton.auth.order-ids",
                "per-terminal");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
