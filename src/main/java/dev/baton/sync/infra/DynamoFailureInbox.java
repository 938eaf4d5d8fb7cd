package dev.baton.sync.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.FailureInbox;
import dev.baton.sync.app.InboxGroup;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.FailureTemplate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link FailureInbox} on its own small table (pk = downstream name, sk = template id): recording a failure is one
 * UpdateItem that adds to the count, keeps the first seen time, sets the last seen time and the expiry
 * ({@value #KEEP_DAYS} days after the last failure, DynamoDB TTL), and puts the order id into one of
 * {@value FailureInbox#EXAMPLES} example slots chosen by the order id's hash (so a group keeps a few different
 * orders and one order's probes never fill them). It is conditioned on the stored template being this one, so two
 * templates whose ids collided never merge. Listing is a Query of the downstream's partition.
 */
@ApplicationScoped
public class DynamoFailureInbox implements FailureInbox {

    /** How long a group is kept after its last failure. */
    public static final int KEEP_DAYS = 30;

    static final String PK = "pk";
    static final String SK = "sk";
    static final String KIND = "kind";
    static final String STATUS = "httpStatus";
    static final String CODE = "code";
    static final String TEMPLATE = "template";
    static final String COUNT = "failures";
    static final String FIRST = "firstSeen";
    static final String LAST = "lastSeen";
    static final String CATEGORY = "category";
    static final String SOURCE = "ruleSource";
    static final String PROPOSED = "proposed";
    static final String CONFIDENCE = "confidence";
    static final String EXAMPLE = "example";
    static final String EXPIRES = "expiresAt";

    private static final Logger LOG = Logger.getLogger(DynamoFailureInbox.class);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoFailureInbox(DynamoDbClient dynamo, BatonConfig config) {
        this.dynamo = dynamo;
        this.table = config.tables().inbox();
    }

    @Override
    public void record(String downstream, FailureTemplate t, Classification c, String orderId, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        set(sets, names, values, KIND, s(t.kind().name()));
        set(sets, names, values, TEMPLATE, s(t.text()));
        set(sets, names, values, LAST, n(now.toEpochMilli()));
        set(sets, names, values, EXPIRES, n(now.plus(Duration.ofDays(KEEP_DAYS)).getEpochSecond()));
        set(sets, names, values, CATEGORY, s(c.category().name()));
        set(sets, names, values, SOURCE, s(c.source().name()));
        set(sets, names, values, EXAMPLE + slot(orderId), s(orderId));
        if (t.httpStatus() != null) {
            set(sets, names, values, STATUS, n(t.httpStatus()));
        }
        if (t.code() != null) {
            set(sets, names, values, CODE, s(t.code()));
        }
        if (c.model() != null) {
            set(sets, names, values, PROPOSED, s(c.model().category().name()));
            set(sets, names, values, CONFIDENCE, n(String.format(Locale.ROOT, "%.3f", c.model().confidence())));
        }
        names.put("#first", FIRST);
        names.put("#count", COUNT);
        names.put("#pk", PK);
        values.put(":now", n(now.toEpochMilli()));
        values.put(":one", n(1));
        String update = "SET #first = if_not_exists(#first, :now), " + String.join(", ", sets) + " ADD #count :one";
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(downstream, t.id())).updateExpression(update)
                    .conditionExpression("attribute_not_exists(#pk) OR #" + TEMPLATE + " = :" + TEMPLATE)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException collision) {
            LOG.warnf("inbox group %s of downstream %s holds another template; failure not counted", t.id(),
                    downstream);
        } catch (SdkException e) {
            // the order's own state is recorded; the inbox is a convenience and never fails an attempt
            LOG.warnf("failure of order %s not counted in the inbox of %s (%s)", orderId, downstream, e.getMessage());
        }
    }

    @Override
    public Groups groups(String downstream, int max) {
        List<InboxGroup> groups = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                int limit = Math.min(100, max + 1 - groups.size());
                QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", s(downstream))).limit(limit).exclusiveStartKey(from));
                page.items().forEach(item -> groups.add(read(item)));
                start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                        : page.lastEvaluatedKey();
            } while (start != null && groups.size() <= max);
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query (inbox)", "downstream " + downstream, e);
        }
        boolean truncated = groups.size() > max;
        return new Groups(truncated ? groups.subList(0, max) : groups, truncated);
    }

    @Override
    public Optional<InboxGroup> group(String downstream, String id) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(key(downstream, id))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
        } catch (SdkException e) {
            throw new StoreUnavailableException("GetItem (inbox)", "group " + id, e);
        }
    }

    static InboxGroup read(Map<String, AttributeValue> item) {
        FailureTemplate t = new FailureTemplate(FailureKind.valueOf(item.get(KIND).s()),
                item.containsKey(STATUS) ? Integer.valueOf(item.get(STATUS).n()) : null,
                item.containsKey(CODE) ? item.get(CODE).s() : null, item.get(TEMPLATE).s());
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            AttributeValue v = item.get(EXAMPLE + i);
            if (v != null) {
                examples.add(v.s());
            }
        }
        return new InboxGroup(item.get(PK).s(), item.get(SK).s(), t, Long.parseLong(item.get(COUNT).n()),
                Instant.ofEpochMilli(Long.parseLong(item.get(FIRST).n())),
                Instant.ofEpochMilli(Long.parseLong(item.get(LAST).n())), item.get(CATEGORY).s(),
                item.get(SOURCE).s(), item.containsKey(PROPOSED) ? item.get(PROPOSED).s() : null,
                item.containsKey(CONFIDENCE) ? Double.valueOf(item.get(CONFIDENCE).n()) : null, examples);
    }

    private static int slot(String orderId) {
        CRC32 crc = new CRC32();
        crc.update(orderId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % EXAMPLES);
    }

    private static Map<String, AttributeValue> key(String downstream, String id) {
        return Map.of(PK, s(downstream), SK, s(id));
    }

    private static void set(List<String> sets, Map<String, String> names, Map<String, AttributeValue> values,
                            String attribute, AttributeValue value) {
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, value);
        sets.add("#" + attribute + " = :" + attribute);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(Object v) {
        return AttributeValue.fromN(String.valueOf(v));
    }
}
