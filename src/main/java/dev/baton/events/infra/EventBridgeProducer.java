package dev.baton.events.infra;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import dev.baton.shared.infra.AwsCallCounter;
import dev.baton.shared.infra.BatonConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge client of the {@code order-events} function, built by hand because the registry Baton builds
 * from lacks the Quarkiverse extension: the same url-connection HTTP client and call counter as the injected
 * clients; region and credentials from the Lambda environment (the SDK's default chains). Created on first use,
 * so the other functions never build it.
 */
@ApplicationScoped
public class EventBridgeProducer {

    @Produces
    @ApplicationScoped
    EventBridgeClient eventBridge(BatonConfig config) {
        var builder = EventBridgeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new AwsCallCounter()));
        config.events().endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }
}
