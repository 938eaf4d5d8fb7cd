package dev.baton.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.baton.events.app.EventRelay;
import dev.baton.events.app.EventsNotPublishedException;
import dev.baton.events.domain.OrderEvent;
import dev.baton.events.infra.DynamoEventStore;
import dev.baton.events.infra.StreamImages;
import dev.baton.shared.app.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local stand-in for the {@code order-events} function's event source mapping: reads DynamoDB Local's stream
 * of the orders table with the DynamoDB Streams API, turns each record into its event with the same code the
 * function runs ({@link StreamImages}) and relays it as the function does ({@link EventRelay}: stored in the events
 * table, then published, here to {@link WebhookDelivery}), one record after another per shard (the order of an
 * item's changes is kept). The {@link StreamCheckpoint} advances only after a record's event was stored and
 * delivered: a restart, or a crash between a commit and its delivery, resumes at the first undelivered record.
 */
public final class OrderEventStream implements AutoCloseable {

    private static final long IDLE_MILLIS = 200;

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final StreamCheckpoint checkpoint;
    private final EventRelay relay;
    private final Consumer<String> log;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final List<String> finished = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private OrderEventStream(DynamoDbClient dynamo, URI endpoint, String table, String eventsTable,
                             StreamCheckpoint checkpoint, WebhookDelivery delivery, Consumer<String> log) {
        this.dynamo = dynamo;
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint)
                .region(software.amazon.awssdk.regions.Region.of(EmbeddedBackends.REGION))
                .credentialsProvider(EmbeddedBackends.credentials())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
        this.table = table;
        this.checkpoint = checkpoint;
        this.relay = new EventRelay(new DynamoEventStore(dynamo, eventsTable), delivery);
        this.log = log;
        this.thread = new Thread(this::run, "order-event-stream");
        this.thread.setDaemon(true);
    }

    /**
     * Starts relaying the stream of the orders table {@code table} of {@code backends}: each event stored in
     * {@code eventsTable}, then posted by {@code delivery}.
     */
    public static OrderEventStream start(EmbeddedBackends backends, String table, String eventsTable,
                                         StreamCheckpoint checkpoint, WebhookDelivery delivery,
                                         Consumer<String> log) {
        OrderEventStream stream = new OrderEventStream(backends.dynamo(), backends.dynamoEndpoint(), table,
                eventsTable, checkpoint, delivery, log);
        stream.thread.start();
        return stream;
    }

    /** The stack's relay: the template's orders table, webhooks from the environment, checkpoint in the data dir. */
    public static OrderEventStream forStack(EmbeddedBackends backends, SamTemplate template,
                                            java.nio.file.Path dataDir) {
        WebhookDelivery delivery = WebhookDelivery.fromEnvironment(System.getenv());
        System.out.println("Order events: " + (delivery.webhooks().isEmpty() ? "no webhooks (set BATON_EVENT_WEBHOOKS)"
                : "signed POSTs to " + delivery.webhooks()));
        // beside DynamoDB Local's own directory, in BATON_DATA_DIR
        return start(backends, template.tableName("OrdersTable"), template.tableName("EventsTable"),
                StreamCheckpoint.in(dataDir == null ? null : dataDir.toAbsolutePath().getParent()), delivery,
                System.out::println);
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (TrimmedDataAccessException e) {
                // DynamoDB Local answers this for a TRIM_HORIZON iterator of a shard that has no record yet
                iterators.clear();
                sleepQuietly();
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                log.accept("order events: stream read failed (" + e.getMessage() + "), retrying");
                iterators.clear();
                sleepQuietly();
            }
        }
    }

    /** One round over the stream's shards; true when it read any record. */
    private boolean pollOnce() throws InterruptedException {
        String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (arn == null) {
            return false;
        }
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            if (!finished.contains(shard.shardId()) && !iterators.containsKey(shard.shardId())) {
                iterators.put(shard.shardId(), iterator(arn, shard.shardId()));
            }
        }
        boolean read = false;
        for (String shardId : List.copyOf(iterators.keySet())) {
            read |= readShard(arn, shardId);
        }
        return read;
    }

    private String iterator(String arn, String shardId) {
        String after = checkpoint.position(arn, shardId);
        try {
            return iterator(arn, shardId, after);
        } catch (TrimmedDataAccessException e) {
            // the stream keeps records 24 h: a stack stopped longer than that cannot deliver what it missed
            log.accept("order events: records after the checkpoint of " + shardId + " are gone (kept 24 h); "
                    + "resuming at the oldest record kept");
            return iterator(arn, shardId, null);
        }
    }

    private String iterator(String arn, String shardId, String after) {
        return streams.getShardIterator(b -> {
            b.streamArn(arn).shardId(shardId);
            if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    private boolean readShard(String arn, String shardId) throws InterruptedException {
        var answer = streams.getRecords(b -> b.shardIterator(iterators.get(shardId)).limit(100));
        for (Record record : answer.records()) {
            Optional<OrderEvent> event = decode(record);
            if (event.isPresent() && !relayed(event.get())) {
                iterators.remove(shardId); // read again from the checkpoint: nothing after it is skipped
                return true;
            }
            event.ifPresent(e -> log.accept("order event " + e.type().wireName() + " " + e.orderId() + " #"
                    + e.sequence() + " (" + e.stream().wireName() + ") id " + e.id()));
            checkpoint.advance(arn, shardId, record.dynamodb().sequenceNumber());
        }
        if (answer.nextShardIterator() == null) {
            iterators.remove(shardId);
            finished.add(shardId);
        } else {
            iterators.put(shardId, answer.nextShardIterator());
        }
        return !answer.records().isEmpty();
    }

    /** Stores and delivers {@code event}; false when either did not happen (the record is read again). */
    private boolean relayed(OrderEvent event) throws InterruptedException {
        try {
            relay.relay(event);
            return true;
        } catch (EventsNotPublishedException | StoreUnavailableException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while relaying");
            }
            log.accept("order events: " + e.getMessage() + "; read again from the checkpoint");
            return false;
        }
    }

    /** Deployed, an unreadable item fails its batch into the dead-letter queue; here it is logged and passed. */
    private Optional<OrderEvent> decode(Record record) {
        try {
            return StreamImages.event(record.dynamodb().oldImage(), record.dynamodb().newImage());
        } catch (RuntimeException e) {
            log.accept("order events: stream record " + record.dynamodb().sequenceNumber() + " is unreadable ("
                    + e.getClass().getSimpleName() + "), skipped");
            return Optional.empty();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading; what was not delivered yet is read again after a restart. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        streams.close();
    }
}
