package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.baton.local.EmbeddedBackends;
import dev.baton.order.domain.NodeData;
import dev.baton.support.LocalBackendsResource;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RuleSource;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The sharded listing and sweep against DynamoDB Local, on a table of their own (the schema of the template's
 * orders table) so the counts are exact: hundreds of orders spread over every shard, read page by page, concatenate
 * to exactly the full set newest first with no duplicate and full pages; every call is counted, none is a Scan, and
 * the shards are read several at once but never more than {@link ShardReads#PARALLELISM}.
 */
class ShardedIndexReadsTest {

    private static DynamoDbClient dynamo;
    private String table;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    private DynamoSyncStore store;

    /** Counts calls per operation, the threads they ran on and how many were in flight at once. */
    static final class Counting implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    k -> new AtomicInteger()).incrementAndGet();
            THREADS.add(Thread.currentThread().getName());
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            IN_FLIGHT.decrementAndGet();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            IN_FLIGHT.decrementAndGet();
        }
    }

    @BeforeAll
    static void client() {
        EmbeddedBackends backends = LocalBackendsResource.backends();
        dynamo = DynamoDbClient.builder().endpointOverride(backends.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(EmbeddedBackends.credentials())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new Counting())).build();
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @BeforeEach
    void ownTable() {
        TableDescription orders = dynamo.describeTable(b -> b.tableName(LocalBackendsResource.template()
                .tableName("OrdersTable"))).table();
        table = "shard-reads-" + UUID.randomUUID();
        dynamo.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(orders.attributeDefinitions()).keySchema(orders.keySchema())
                .globalSecondaryIndexes(orders.globalSecondaryIndexes().stream().map(i -> GlobalSecondaryIndex
                        .builder().indexName(i.indexName()).keySchema(i.keySchema()).projection(i.projection())
                        .build()).toList()));
        store = new DynamoSyncStore(dynamo, table);
    }

    @AfterEach
    void dropTable() {
        dynamo.deleteTable(b -> b.tableName(table));
    }

    private static OrderSync pending(String id, Instant start, long seed) {
        OrderSync syncing = OrderSync.never(id, start).start("k-" + id, "ins", null, new NodeData("{\"a\":1}"),
                start.plusSeconds(30), start);
        Classification busy = new Classification(Category.TRANSIENT, "rule-1", RuleSource.DEFAULT,
                Failure.of(FailureKind.HTTP_STATUS));
        return syncing.failed(busy, "busy", RetryPolicies.DEFAULT, start.plusMillis(5), new SplittableRandom(seed));
    }

    /** {@code n} orders, a third DEAD and the rest ASYNC_PENDING, at distinct times; their listing keys. */
    private List<Map<String, AttributeValue>> putOrders(int n, Instant from) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < n; i++) {
            Instant at = from.plusMillis(random.nextInt(10_000_000));
            OrderSync s = pending("o-" + UUID.randomUUID(), at, i);
            if (i % 3 == 0) {
                s = s.claimRetry(2, at.plusSeconds(60), at.plusSeconds(10)).dead(DeadReason.ATTEMPTS_EXHAUSTED,
                        at.plusSeconds(11));
            }
            Map<String, AttributeValue> item = SyncItems.write(s);
            dynamo.putItem(b -> b.tableName(table).item(item));
            items.add(item);
        }
        return items;
    }

    @Test
    void pagesAcrossEveryShard_concatenateToExactlyTheFullSet_newestFirst_fullPages_andNoScan() {
        // given 300 orders over both listed states' 2 x 16 shards
        List<Map<String, AttributeValue>> items = putOrders(300, Instant.parse("2026-12-01T00:00:00Z"));
        List<String> expected = items.stream().sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i
                .get(SyncIndexes.LIST_SK).s()).reversed()).map(i -> i.get(SyncItems.ORDER_ID).s()).toList();
        Set<String> shardsUsed = new HashSet<>();
        items.forEach(i -> shardsUsed.add(i.get(SyncIndexes.LIST_KEY).s()));
        assertThat(shardsUsed).hasSize(2 * SyncIndexes.LISTED_SHARDS);
        List<SyncState> states = List.of(SyncState.ASYNC_PENDING, SyncState.DEAD);
        // when an operator pages through them 25 at a time
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<Integer> queriesPerPage = new ArrayList<>();
        String cursor = null;
        CALLS.clear();
        do {
            int before = count("Query");
            SyncStore.Page page = store.list(states, 25, cursor);
            queriesPerPage.add(count("Query") - before);
            pageSizes.add(page.orders().size());
            page.orders().forEach(o -> listed.add(o.orderId()));
            cursor = page.nextCursor();
        } while (cursor != null && listed.size() <= 1_000);
        // then the pages concatenate to exactly the full set, newest first, each page full, the last one too
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pageSizes).hasSize(12).containsOnly(25);
        // and each page costs about one query per shard: one parallel round, rarely a second for a crowded shard
        assertThat(queriesPerPage).allSatisfy(q -> assertThat(q).isBetween(2 * SyncIndexes.LISTED_SHARDS,
                4 * SyncIndexes.LISTED_SHARDS));
        assertThat(count("Scan")).isZero();
        assertThat(count("BatchGetItem")).isEqualTo(12);
        System.out.printf("listing: 300 orders in 12 pages of 25, queries per page %s (%d in all)%n",
                queriesPerPage, count("Query"));
    }

    @Test
    void aSweepReadsEveryDueShardOnce_inParallel_boundedAndWithoutScan() {
        // given 200 ASYNC_PENDING orders whose retries are due, spread over the 128 due shards
        List<Map<String, AttributeValue>> items = putOrders(200, Instant.parse("2026-11-01T00:00:00Z")).stream()
                .filter(i -> i.get(SyncItems.STATE).s().equals("ASYNC_PENDING")).toList();
        CALLS.clear();
        THREADS.clear();
        MAX_IN_FLIGHT.set(0);
        // when the sweeper asks what is due
        List<SyncStore.Due> due = store.due(SyncState.ASYNC_PENDING, Instant.parse("2026-11-02T00:00:00Z"), 25);
        // then every due order is found once, with one query per shard, several shards at once but boundedly
        assertThat(due.stream().map(SyncStore.Due::orderId).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(items.stream().map(i -> i.get(SyncItems.ORDER_ID).s()).toList());
        assertThat(count("Query")).isEqualTo(SyncIndexes.DUE_SHARDS);
        assertThat(count("Scan")).isZero();
        assertThat(THREADS).hasSizeGreaterThan(1).allMatch(t -> t.startsWith("baton-shard-read-"));
        assertThat(MAX_IN_FLIGHT.get()).isLessThanOrEqualTo(ShardReads.PARALLELISM);
    }

    private static int count(String operation) {
        AtomicInteger n = CALLS.get(operation);
        return n == null ? 0 : n.get();
    }
}
