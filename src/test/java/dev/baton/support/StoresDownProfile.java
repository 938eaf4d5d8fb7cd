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
        return Map.ofEntries(Map.entry("quarkus.funqy.export", "order-sync"),
                Map.entry("quarkus.dynamodb.endpoint-override", dead),
                Map.entry("quarkus.sqs.endpoint-override", dead),
                Map.entry("quarkus.dynamodb.aws.region", "us-east-1"),
                Map.entry("quarkus.dynamodb.aws.credentials.type", "static"),
                Map.entry("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local"),
                Map.entry("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local"),
                Map.entry("quarkus.sqs.aws.region", "us-east-1"),
                Map.entry("quarkus.sqs.aws.credentials.type", "static"),
                Map.entry("quarkus.sqs.aws.credentials.static-provider.access-key-id", "local"),
                Map.entry("quarkus.sqs.aws.credentials.static-provider.secret-access-key", "local"),
                Map.entry("quarkus.ssm.endpoint-override", dead),
                Map.entry("quarkus.ssm.aws.region", "us-east-1"),
                Map.entry("quarkus.ssm.aws.credentials.type", "static"),
                Map.entry("quarkus.ssm.aws.credentials.static-provider.access-key-id", "local"),
                Map.entry("quarkus.ssm.aws.credentials.static-provider.secret-access-key", "local"),
                Map.entry("baton.tables.definitions", "baton-definitions"),
                Map.entry("baton.tables.orders", "baton-orders"),
                Map.entry("baton.tables.inbox", "baton-inbox"));
    }
}
