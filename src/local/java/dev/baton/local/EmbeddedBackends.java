package dev.baton.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import dev.baton.sync.infra.SyncIndexBackfill;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ running in this JVM, with the tables and queues of {@code template.yaml}
 * created in them. Used by the test suite (in memory) and by the local stack (DynamoDB data under a
 * directory, so a restart loses nothing).
 */
public final class EmbeddedBackends implements AutoCloseable {

    /** Region and credentials the local clients and functions use; DynamoDB Local accepts any. */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    /**
     * Gives this JVM's AWS SDK clients built with the default chains (Baton's own, in the tests) {@link #REGION} and
     * the local credentials, as system properties: the chains read those before the environment.
     */
    public static void useLocalIdentity() {
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    private final Path dataDir;
    private final SamTemplate template;
    private DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls;

    private EmbeddedBackends(Path dataDir, SamTemplate template) throws Exception {
        this.dataDir = dataDir;
        this.template = template;
        // bound only after the functions have booted (startTables): outside the ephemeral range their outgoing
        // connections take ports from, so none of them can take it in between
        int dynamoPort = freePortBelowTheEphemeralRange();
        dynamoEndpoint = URI.create("http://localhost:" + dynamoPort);
        int sqsPort = freePort();
        sqsServer = SQSRestServerBuilder.withPort(sqsPort).withInterface("localhost").start();
        sqsServer.waitUntilStarted();
        sqsEndpoint = URI.create("http://localhost:" + sqsPort);
        dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        queueUrls = new LocalResources(template, dynamo, sqs).createQueues();
    }

    /** Starts both backends; {@code dataDir} null keeps DynamoDB data in memory. */
    public static EmbeddedBackends start(Path dataDir, SamTemplate template) {
        return startQueues(dataDir, template).startTables();
    }

    /**
     * Starts ElasticMQ with the template's queues, and only chooses DynamoDB Local's port: every endpoint and queue
     * URL a function's environment names is known, but DynamoDB answers only after {@link #startTables()}. The local
     * stack boots its functions in between (their start-up does not call DynamoDB), so the two run side by side.
     */
    public static EmbeddedBackends startQueues(Path dataDir, SamTemplate template) {
        try {
            return new EmbeddedBackends(dataDir, template);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded ElasticMQ", e);
        }
    }

    /** Starts DynamoDB Local on the chosen port and creates the template's tables; returns this. */
    public EmbeddedBackends startTables() {
        try {
            List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-port",
                    Integer.toString(dynamoEndpoint.getPort())));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.addAll(List.of("-sharedDb", "-dbPath", dataDir.toAbsolutePath().toString()));
            }
            dynamoServer = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            dynamoServer.start();
            new LocalResources(template, dynamo, sqs).createTables();
            // a data folder kept from before the sparse sync indexes (issue 16): idempotent, nothing to do otherwise
            new SyncIndexBackfill(dynamo, template.tableName("OrdersTable")).run(null, 500, progress -> { });
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded DynamoDB Local", e);
        }
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Queue URLs by the queue's logical id in the template. */
    public Map<String, String> queueUrls() {
        return new LinkedHashMap<>(queueUrls);
    }

    /** Static credentials for the local backends. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        sqsServer.stopAndWait();
        if (dynamoServer == null) {
            return;
        }
        try {
            dynamoServer.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /**
     * A free TCP port between 20,000 and 32,000, below Linux's ephemeral range (32,768+), for a server that binds
     * it seconds later; {@link #freePort()} if a hundred tries found none.
     */
    public static int freePortBelowTheEphemeralRange() {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 100; i++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // try another one
            }
        }
        return freePort();
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
