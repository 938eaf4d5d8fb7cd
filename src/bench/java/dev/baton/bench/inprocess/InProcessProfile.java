package dev.baton.bench.inprocess;

import java.util.List;
import java.util.Map;

import dev.baton.support.LocalBackendsResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as the {@code order-sync} function (every bean is there: the handoff services too) against the
 * embedded DynamoDB Local and ElasticMQ of the tests, with {@link StorageClock} on the DynamoDB client and the
 * stand-in insurer on loopback http allowed, as the local stack allows it.
 */
public class InProcessProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "order-sync",
                "baton.aws.dynamodb.interceptors", StorageClock.class.getName(),
                "baton.downstream.allow-insecure-local", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalBackendsResource.class));
    }
}
