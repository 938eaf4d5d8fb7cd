package dev.baton.flow.infra;

import static dev.baton.flow.infra.DefinitionItems.PK;
import static dev.baton.flow.infra.DefinitionItems.SK;
import static dev.baton.flow.infra.DefinitionItems.VERSION;
import static dev.baton.flow.infra.DefinitionItems.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.shared.infra.Directory;
import dev.baton.shared.infra.VersionedPublish;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link DefinitionStore} on DynamoDB (layout in {@link DefinitionItems}). A publish is one
 * TransactWriteItems: the new version item (must not exist) and the head (must still be at the previous
 * version), so two concurrent publishes can never both create the same version.
 */
@ApplicationScoped
public class DynamoDefinitionStore implements DefinitionStore {

    /** The directory of business types that have a flow. */
    static final String BUSINESS_TYPES = "business-types";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDefinitionStore(DynamoDbClient dynamo, BatonConfig config) {
        this.dynamo = dynamo;
        this.table = config.tables().definitions();
    }

    @Override
    public Optional<Published<Flow>> latestFlow(String businessType, String platform) {
        return get(businessType, DefinitionItems.flowHeadSk(platform)).map(DefinitionItems::flow);
    }

    @Override
    public Optional<Published<Flow>> flow(String businessType, String platform, int version) {
        return get(businessType, DefinitionItems.flowSk(platform, version)).map(DefinitionItems::flow);
    }

    @Override
    public void createFlow(Published<Flow> flow) {
        Flow f = flow.value();
        publish(DefinitionItems.flowItem(flow, DefinitionItems.flowSk(f.platform(), f.version())),
                DefinitionItems.flowItem(flow, DefinitionItems.flowHeadSk(f.platform())), f.version(),
                "flow " + f.businessType() + "/" + f.platform() + " v" + f.version(),
                Directory.entry(BUSINESS_TYPES, f.businessType()));
    }

    @Override
    public List<String> businessTypes() {
        return Directory.names(dynamo, table, BUSINESS_TYPES, item -> item.get("sk").s()
                .startsWith(DefinitionItems.FLOW_HEAD_PREFIX) ? Optional.of(item.get("pk").s().substring(3))
                : Optional.empty());
    }

    @Override
    public Optional<Published<NodeMapping>> latestMapping(String businessType, String base, String associated) {
        return get(businessType, DefinitionItems.mappingHeadSk(base, associated)).map(DefinitionItems::mapping);
    }

    @Override
    public Optional<Published<NodeMapping>> mapping(String businessType, String base, String associated,
                                                    int version) {
        return get(businessType, DefinitionItems.mappingSk(base, associated, version))
                .map(DefinitionItems::mapping);
    }

    @Override
    public void createMapping(Published<NodeMapping> mapping) {
        NodeMapping m = mapping.value();
        // One mapping serves both directions: the head of the other orientation must not exist, checked in the
        // same transaction, so two concurrent publishes A → B and B → A cannot both succeed.
        String pk = DefinitionItems.pk(m.businessType());
        VersionedPublish.publish(dynamo, table, DefinitionItems.mappingItem(mapping,
                        DefinitionItems.mappingSk(m.basePlatform(), m.associatedPlatform(), m.version())),
                DefinitionItems.mappingItem(mapping,
                        DefinitionItems.mappingHeadSk(m.basePlatform(), m.associatedPlatform())),
                PK, VERSION, m.version(), "mapping " + m.businessType() + "/" + m.basePlatform() + ">"
                        + m.associatedPlatform() + " v" + m.version(),
                Map.of(PK, s(pk), SK, s(DefinitionItems.mappingHeadSk(m.associatedPlatform(), m.basePlatform()))));
    }

    @Override
    public Catalog catalog(String businessType) {
        List<Published<Flow>> flows = new ArrayList<>();
        List<Published<NodeMapping>> mappings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = query(businessType, start);
            for (Map<String, AttributeValue> item : page.items()) {
                if (item.get(SK).s().startsWith(DefinitionItems.FLOW_HEAD_PREFIX)) {
                    flows.add(DefinitionItems.flow(item));
                } else {
                    mappings.add(DefinitionItems.mapping(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new Catalog(flows, mappings);
    }

    private QueryResponse query(String businessType, Map<String, AttributeValue> start) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :head)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(DefinitionItems.pk(businessType)),
                        ":head", s(DefinitionItems.HEAD_PREFIX)))
                .exclusiveStartKey(start)
                .build();
        return call("Query", DefinitionItems.pk(businessType), () -> dynamo.query(request));
    }

    private Optional<Map<String, AttributeValue>> get(String businessType, String sk) {
        String pk = DefinitionItems.pk(businessType);
        Map<String, AttributeValue> item = call("GetItem", pk + "/" + sk, () -> dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(PK, s(pk), SK, s(sk))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void publish(Map<String, AttributeValue> version, Map<String, AttributeValue> head, int number,
                         String what, Map<String, AttributeValue> listed) {
        VersionedPublish.publish(dynamo, table, version, head, PK, VERSION, number, what, null, listed);
    }

    private static <T> T call(String operation, String key, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new StoreUnavailableException(operation, key, e);
        }
    }
}
