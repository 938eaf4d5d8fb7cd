package dev.baton.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The order-sync function with DynamoDB, SQS and Parameter Store unreachable (endpoints on a closed loopback port): what a
 * caller sees when AWS has an outage.
 */
public class StoresDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String dead = "http://127.0.0.1:" + dev.baton.local.EmbeddedBackends.freePort();
        // Baton's clients take region and credentials from the SDK's default chains
        dev.baton.local.EmbeddedBackends.useLocalIdentity();
        return Map.ofEntries(Map.entry("quarkus.funqy.export", "order-sync"),
                Map.entry("baton.aws.dynamodb.endpoint", dead),
                Map.entry("baton.aws.sqs.endpoint", dead),
                Map.entry("baton.aws.ssm.endpoint", dead),
                Map.entry("baton.tables.definitions", "baton-definitions"),
                Map.entry("baton.tables.orders", "baton-orders"),
                Map.entry("baton.tables.inbox", "baton-inbox"));
    }
}
