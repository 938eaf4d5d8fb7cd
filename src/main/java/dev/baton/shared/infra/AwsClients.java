package dev.baton.shared.infra;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS SDK clients, built from Baton's own configuration ({@code baton.aws.*}) rather than through the Quarkiverse
 * extensions: those map a sync, an async and a CRT HTTP-client group, credentials and SDK options for every service
 * at each start whether used or not, which was most of what Baton's start-up added to a bare funqy app's (src/bench
 * README, "Where a native cold start goes"). Each client uses the url-connection HTTP client (the smallest, and the
 * fastest to start), region and credentials from the SDK's default chains (in Lambda: {@code AWS_REGION} and the
 * function's role, SnapStart's container credentials included), and {@link AwsCallCounter} on DynamoDB and SQS
 * calls. Each is built on first use, so a function builds only the clients it calls.
 */
@ApplicationScoped
public class AwsClients {

    /** The DynamoDB client of every store. */
    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb(BatonConfig config) {
        return configured(DynamoDbClient.builder(), config.aws().dynamodb(), true).build();
    }

    /** The SQS client of the retry queue. */
    @Produces
    @ApplicationScoped
    SqsClient sqs(BatonConfig config) {
        return configured(SqsClient.builder(), config.aws().sqs(), true).build();
    }

    /** The Parameter Store client of secret header values (not counted: its calls are not part of any budget). */
    @Produces
    @ApplicationScoped
    SsmClient ssm(BatonConfig config) {
        return configured(SsmClient.builder(), config.aws().ssm(), false).build();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }

    void close(@Disposes SsmClient client) {
        client.close();
    }

    /** A builder with Baton's HTTP client, the call counter if {@code counted}, and the client's settings. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(
            B builder, BatonConfig.Client settings, boolean counted) {
        return configured(builder, settings.endpoint(), settings.interceptors().orElse(List.of()), counted);
    }

    /**
     * A builder with the url-connection HTTP client, {@link AwsCallCounter} if {@code counted}, then the named
     * interceptors, and {@code endpoint} if set. Other features' clients (EventBridge) are built the same way.
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(
            B builder, Optional<URI> endpoint, List<String> interceptors, boolean counted) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()).overrideConfiguration(o -> {
            if (counted) {
                o.addExecutionInterceptor(new AwsCallCounter());
            }
            interceptors.forEach(name -> o.addExecutionInterceptor(instantiate(name.trim())));
        });
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static ExecutionInterceptor instantiate(String className) {
        try {
            return (ExecutionInterceptor) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalArgumentException("baton.aws.*.interceptors: " + className
                    + " is not an ExecutionInterceptor with a public no-argument constructor", cause);
        }
    }
}
