package dev.baton.events.infra;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import dev.baton.shared.infra.AwsClients;
import dev.baton.shared.infra.BatonConfig;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge client of the {@code order-events} function, built as {@link AwsClients} builds the others: the
 * url-connection HTTP client and the call counter; region and credentials from the Lambda environment (the SDK's
 * default chains). Created on first use, so the other functions never build it.
 */
@ApplicationScoped
public class EventBridgeProducer {

    @Produces
    @ApplicationScoped
    EventBridgeClient eventBridge(BatonConfig config) {
        return AwsClients.configured(EventBridgeClient.builder(), config.events().endpoint().map(URI::create),
                List.of(), true).build();
    }

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }
}
