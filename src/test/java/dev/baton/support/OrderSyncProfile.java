package dev.baton.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application as the {@code order-sync} Lambda against the local backends. */
public class OrderSyncProfile implements QuarkusTestProfile {

    /**
     * Port of the stand-in for Parameter Store (the SSM API). Kept in a system property: the profile and the
     * test class are loaded by different class loaders, so a static field would differ.
     */
    public static synchronized int parametersPort() {
        String port = System.getProperty("parameters-extension-test-port");
        if (port == null) {
            port = Integer.toString(dev.baton.local.EmbeddedBackends.freePort());
            System.setProperty("parameters-extension-test-port", port);
        }
        return Integer.parseInt(port);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "order-sync",
                // Parameter Store is played by a WireMock server on this port (the SDK's JSON protocol)
                "baton.aws.ssm.endpoint", "http://127.0.0.1:" + parametersPort(),
                // secret header values come from the environment, which config reads; tests set it here
                "BATON_SECRET_TEST_INSURER_TOKEN", "Bearer test-token",
                // the stand-in insurers are WireMock servers on loopback http: opt in, as the local stack does
                "baton.downstream.allow-insecure-local", Boolean.toString(allowInsecureLocal()));
    }

    /** Whether the endpoint policy allows http and loopback; the strict profile says no. */
    protected boolean allowInsecureLocal() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
