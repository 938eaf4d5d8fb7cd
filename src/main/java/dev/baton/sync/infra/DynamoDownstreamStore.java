package dev.baton.sync.infra;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.Published;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.shared.infra.Directory;
import dev.baton.shared.infra.VersionedPublish;
import dev.baton.sync.app.DownstreamDocument;
import dev.baton.sync.app.DownstreamStore;
import dev.baton.sync.domain.Downstream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DownstreamStore} in the definitions table: {@code pk = DS#<name>}, {@code sk = V#<00000003>} per
 * version and {@code sk = HEAD} for the latest; settings as one JSON document ({@link DownstreamDocument}).
 * A publish is one TransactWriteItems (new version + head conditioned on the previous version).
 */
@ApplicationScoped
public class DynamoDownstreamStore implements DownstreamStore {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String PK_PREFIX = "DS#";
    static final String VERSION = "version";
    static final String DOC = "doc";
    static final String CREATED_AT = "createdAt";
    static final String HEAD = "HEAD";
    static final String DIRECTORY = "downstreams";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDownstreamStore(DynamoDbClient dynamo, BatonConfig config) {
        this.dynamo = dynamo;
        this.table = config.tables().definitions();
    }

    @Override
    public Optional<Published<Downstream>> latest(String name) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(name, HEAD))).item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            Downstream d = DownstreamDocument.read(name, Integer.parseInt(item.get(VERSION).n()),
                    CanonicalJson.parse(item.get(DOC).s()));
            return Optional.of(new Published<>(d, Instant.parse(item.get(CREATED_AT).s())));
        } catch (SdkException e) {
            throw new StoreUnavailableException("GetItem", "downstream " + name, e);
        }
    }

    @Override
    public void create(Published<Downstream> published) {
        Downstream d = published.value();
        Map<String, AttributeValue> version = item(published, String.format("V#%08d", d.version()));
        Map<String, AttributeValue> head = item(published, HEAD);
        VersionedPublish.publish(dynamo, table, version, head, PK, VERSION, d.version(),
                "downstream " + d.name() + " v" + d.version(), null, Directory.entry(DIRECTORY, d.name()));
    }

    @Override
    public List<String> names() {
        return Directory.names(dynamo, table, DIRECTORY, item -> HEAD.equals(item.get(SK).s())
                && item.get(PK).s().startsWith(PK_PREFIX) ? Optional.of(item.get(PK).s().substring(PK_PREFIX.length()))
                : Optional.empty());
    }

    private static Map<String, AttributeValue> item(Published<Downstream> published, String sk) {
        Downstream d = published.value();
        Map<String, AttributeValue> item = new HashMap<>(key(d.name(), sk));
        item.put(VERSION, AttributeValue.fromN(Integer.toString(d.version())));
        item.put(CREATED_AT, AttributeValue.fromS(published.createdAt().toString()));
        item.put(DOC, AttributeValue.fromS(CanonicalJson.text(DownstreamDocument.write(d))));
        return item;
    }

    private static Map<String, AttributeValue> key(String name, String sk) {
        return Map.of(PK, AttributeValue.fromS(PK_PREFIX + name), SK, AttributeValue.fromS(sk));
    }
}
