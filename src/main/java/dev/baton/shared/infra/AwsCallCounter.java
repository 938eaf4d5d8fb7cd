package dev.baton.shared.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts AWS SDK calls per service operation (e.g. {@code DynamoDb.GetItem}) in this JVM. Registered on
 * the DynamoDB and SQS clients ({@code quarkus.<service>.interceptors}); the tests use it to prove call
 * budgets (a handoff is one read and one write) and the benchmark harness to count requests.
 *
 * <p>With the environment variable {@value #CAPACITY_SWITCH}{@code =true} (off by default; the load harness
 * sets it), or the system property {@value #CAPACITY_PROPERTY}{@code =true}, it also asks DynamoDB for {@code ReturnConsumedCapacity=INDEXES} (the total, and how much of it
 * secondary indexes took), sums the read and write units per operation and logs one line per call:
 * {@code aws-call DynamoDb.UpdateItem read=0.0 write=3.0 index=2.0} (no table, key or payload). Off, it costs one
 * environment lookup per call. An environment variable rather than a
 * {@code baton.*} property because the SDK instantiates interceptors by class name, outside CDI and config.
 */
@RegisterForReflection
public class AwsCallCounter implements ExecutionInterceptor {

    /** The environment variable that switches capacity counting on. */
    public static final String CAPACITY_SWITCH = "BATON_COUNT_CAPACITY";
    /** The system property that switches it on too: tests count units in their own JVM for a while. */
    public static final String CAPACITY_PROPERTY = "baton.count-capacity";
    /** Where {@code ConsumedCapacity} is found on a DynamoDB response (one object, or a list for batches). */
    private static final String CAPACITY_FIELD = "ConsumedCapacity";
    private static final Logger LOG = Logger.getLogger(AwsCallCounter.class);
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Units> CAPACITY = new ConcurrentHashMap<>();
    /** When a call started, and when it was sent (then how long sending to the answer took); set at DEBUG only. */
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("baton.call.started");
    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("baton.call.sent");

    private final BooleanSupplier capacitySwitch;

    /** The interceptor the SDK builds: capacity counting follows {@value #CAPACITY_SWITCH}. */
    public AwsCallCounter() {
        // read per call, not at construction: in a native image the instance may be built at build time
        this(() -> Boolean.parseBoolean(System.getenv(CAPACITY_SWITCH)) || Boolean.getBoolean(CAPACITY_PROPERTY));
    }

    AwsCallCounter(BooleanSupplier capacitySwitch) {
        this.capacitySwitch = capacitySwitch;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (LOG.isDebugEnabled()) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (LOG.isDebugEnabled()) {
            attributes.putAttribute(SENT, System.nanoTime());
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(SENT);
        if (sent != null) {
            attributes.putAttribute(SENT, System.nanoTime() - sent);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return capacitySwitch.getAsBoolean() ? withTotalCapacity(context.request()) : context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = count(attributes);
        if (capacitySwitch.getAsBoolean()) {
            record(operation, context.response());
        }
        Long started = attributes.getAttribute(STARTED);
        Long wire = attributes.getAttribute(SENT);
        if (started != null && wire != null) {
            // where a call's time goes (cold starts: the first call's is mostly the SDK's one-off set-up)
            LOG.debugf("aws-call %s %.1f ms, %.1f ms of them from sending to the answer", operation,
                    (System.nanoTime() - started) / 1e6, wire / 1e6);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String operation = count(attributes);
        if (capacitySwitch.getAsBoolean()) {
            // a failed conditional write still consumes write units, but the error does not report them
            LOG.infof("aws-call %s failed", operation);
        }
    }

    private static String count(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = service + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(operation, k -> new LongAdder()).increment();
        return operation;
    }

    private static void record(String operation, SdkResponse response) {
        Units units = new Units();
        response.getValueForField(CAPACITY_FIELD, Object.class).ifPresent(c -> units.add(operation, c));
        CAPACITY.computeIfAbsent(operation, k -> new Units()).add(units);
        LOG.infof("aws-call %s read=%s write=%s index=%s", operation, format(units.read.sum()),
                format(units.write.sum()), format(units.index.sum()));
    }

    /** The same request asking for {@code ReturnConsumedCapacity=INDEXES}, if it is a DynamoDB one that can. */
    static SdkRequest withTotalCapacity(SdkRequest request) {
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(indexes).build();
        }
        return request;
    }

    private static String format(double units) {
        return String.format(Locale.ROOT, "%.1f", units);
    }

    /** The calls counted so far, by {@code Service.Operation}, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /**
     * The consumed capacity counted so far (only while {@value #CAPACITY_SWITCH} is on), by
     * {@code Service.Operation}, sorted: {@code [read units, write units, of which secondary indexes]}.
     */
    public static Map<String, double[]> capacitySnapshot() {
        Map<String, double[]> copy = new TreeMap<>();
        CAPACITY.forEach((k, v) -> copy.put(k, new double[] {v.read.sum(), v.write.sum(), v.index.sum()}));
        return copy;
    }

    /** The calls counted since {@code before} (a {@link #snapshot()}), without zero entries. */
    public static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        snapshot().forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }

    /** Read and write capacity units, and the part of them that secondary indexes consumed. */
    private static final class Units {
        final DoubleAdder read = new DoubleAdder();
        final DoubleAdder write = new DoubleAdder();
        final DoubleAdder index = new DoubleAdder();

        void add(Units other) {
            read.add(other.read.sum());
            write.add(other.write.sum());
            index.add(other.index.sum());
        }

        void add(String operation, Object capacity) {
            if (capacity instanceof ConsumedCapacity c) {
                add(operation, c);
            } else if (capacity instanceof List<?> list) {
                list.forEach(item -> add(operation, item));
            }
        }

        private void add(String operation, ConsumedCapacity c) {
            c.globalSecondaryIndexes().values().forEach(i -> index.add(units(i.capacityUnits())));
            c.localSecondaryIndexes().values().forEach(i -> index.add(units(i.capacityUnits())));
            if (c.readCapacityUnits() != null || c.writeCapacityUnits() != null) {
                read.add(c.readCapacityUnits() == null ? 0 : c.readCapacityUnits());
                write.add(c.writeCapacityUnits() == null ? 0 : c.writeCapacityUnits());
            } else if (c.capacityUnits() != null) {
                (isRead(operation) ? read : write).add(c.capacityUnits());
            }
        }

        private static double units(Double value) {
            return value == null ? 0 : value;
        }

        private static boolean isRead(String operation) {
            return operation.endsWith(".GetItem") || operation.endsWith(".Query") || operation.endsWith(".Scan")
                    || operation.endsWith(".BatchGetItem") || operation.endsWith(".TransactGetItems");
        }
    }
}
