package dev.baton.support;

import java.util.HashMap;
import java.util.Map;

import dev.baton.local.EmbeddedBackends;
import dev.baton.local.SamTemplate;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts DynamoDB Local and ElasticMQ in the test JVM (once, shared by every test profile), with the
 * tables and queues of {@code template.yaml}, and points the application's AWS clients at them.
 */
public class LocalBackendsResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedBackends backends;
    private static SamTemplate template;

    /** The shared backends, started on first use. */
    public static synchronized EmbeddedBackends backends() {
        if (backends == null) {
            template = SamTemplate.project();
            backends = EmbeddedBackends.start(null, template);
        }
        return backends;
    }

    /** The template the backends were created from. */
    public static synchronized SamTemplate template() {
        backends();
        return template;
    }

    @Override
    public Map<String, String> start() {
        EmbeddedBackends b = backends();
        Map<String, String> config = new HashMap<>();
        // Baton's clients take region and credentials from the SDK's default chains
        EmbeddedBackends.useLocalIdentity();
        config.put("baton.aws.dynamodb.endpoint", b.dynamoEndpoint().toString());
        config.put("baton.aws.sqs.endpoint", b.sqsEndpoint().toString());
        config.put("baton.tables.definitions", template().tableName("DefinitionsTable"));
        config.put("baton.tables.orders", template().tableName("OrdersTable"));
        config.put("baton.tables.events", template().tableName("EventsTable"));
        config.put("baton.tables.inbox", template().tableName("FailureInboxTable"));
        config.put("baton.queues.retry", b.queueUrls().get("RetryQueue"));
        return config;
    }

    @Override
    public void stop() {
        // shared by every profile of this JVM; the JVM's exit stops the embedded servers
    }
}
