package dev.baton.flow.infra;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the definitions table. All definitions of a business type share one partition
 * ({@code pk = BT#<type>}); sort keys: {@code FLOW#<platform>#V#<00000007>} for flow versions,
 * {@code MAP#<base>#<associated>#V#<n>} for mapping versions, and {@code HEAD#FLOW#<platform>} /
 * {@code HEAD#MAP#<base>#<associated>} for a full copy of the latest version, so one Query on
 * {@code HEAD#} reads a business type's whole catalogue.
 */
final class DefinitionItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String VERSION = "version";
    static final String BUSINESS_TYPE = "businessType";
    static final String PLATFORM = "platform";
    static final String NODES = "nodes";
    static final String NODE_ID = "id";
    static final String NODE_NAME = "name";
    static final String BASE = "base";
    static final String ASSOCIATED = "associated";
    static final String BASE_FLOW_VERSION = "baseFlowVersion";
    static final String ASSOCIATED_FLOW_VERSION = "associatedFlowVersion";
    static final String LINKS = "links";
    static final String LINK_FROM = "from";
    static final String LINK_TO = "to";
    static final String CREATED_AT = "createdAt";
    static final String HEAD_PREFIX = "HEAD#";
    static final String FLOW_HEAD_PREFIX = "HEAD#FLOW#";

    private DefinitionItems() {
    }

    static String pk(String businessType) {
        return "BT#" + businessType;
    }

    static String flowSk(String platform, int version) {
        return "FLOW#" + platform + "#V#" + String.format("%08d", version);
    }

    static String flowHeadSk(String platform) {
        return FLOW_HEAD_PREFIX + platform;
    }

    static String mappingSk(String base, String associated, int version) {
        return "MAP#" + base + "#" + associated + "#V#" + String.format("%08d", version);
    }

    static String mappingHeadSk(String base, String associated) {
        return "HEAD#MAP#" + base + "#" + associated;
    }

    static Map<String, AttributeValue> flowItem(Published<Flow> published, String sk) {
        Flow flow = published.value();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(flow.businessType())));
        item.put(SK, s(sk));
        item.put(BUSINESS_TYPE, s(flow.businessType()));
        item.put(PLATFORM, s(flow.platform()));
        item.put(VERSION, n(flow.version()));
        item.put(CREATED_AT, s(published.createdAt().toString()));
        item.put(NODES, AttributeValue.fromL(flow.nodes().stream()
                .map(node -> AttributeValue.fromM(Map.of(NODE_ID, s(node.id()), NODE_NAME, s(node.name()))))
                .toList()));
        return item;
    }

    static Published<Flow> flow(Map<String, AttributeValue> item) {
        List<Node> nodes = item.get(NODES).l().stream()
                .map(v -> new Node(v.m().get(NODE_ID).s(), v.m().get(NODE_NAME).s()))
                .toList();
        Flow flow = new Flow(item.get(BUSINESS_TYPE).s(), item.get(PLATFORM).s(), intOf(item, VERSION), nodes);
        return new Published<>(flow, Instant.parse(item.get(CREATED_AT).s()));
    }

    static Map<String, AttributeValue> mappingItem(Published<NodeMapping> published, String sk) {
        NodeMapping mapping = published.value();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(mapping.businessType())));
        item.put(SK, s(sk));
        item.put(BUSINESS_TYPE, s(mapping.businessType()));
        item.put(BASE, s(mapping.basePlatform()));
        item.put(ASSOCIATED, s(mapping.associatedPlatform()));
        item.put(VERSION, n(mapping.version()));
        item.put(BASE_FLOW_VERSION, n(mapping.baseFlowVersion()));
        item.put(ASSOCIATED_FLOW_VERSION, n(mapping.associatedFlowVersion()));
        item.put(CREATED_AT, s(published.createdAt().toString()));
        item.put(LINKS, AttributeValue.fromL(mapping.links().stream()
                .map(link -> AttributeValue.fromM(Map.of(LINK_FROM, s(link.from()),
                        LINK_TO, AttributeValue.fromL(link.to().stream().map(DefinitionItems::s).toList()))))
                .toList()));
        return item;
    }

    static Published<NodeMapping> mapping(Map<String, AttributeValue> item) {
        List<Link> links = item.get(LINKS).l().stream()
                .map(v -> new Link(v.m().get(LINK_FROM).s(), v.m().get(LINK_TO).l().stream().map(AttributeValue::s)
                        .toList()))
                .toList();
        NodeMapping mapping = new NodeMapping(item.get(BUSINESS_TYPE).s(), item.get(BASE).s(),
                item.get(ASSOCIATED).s(), intOf(item, VERSION), intOf(item, BASE_FLOW_VERSION),
                intOf(item, ASSOCIATED_FLOW_VERSION), links);
        return new Published<>(mapping, Instant.parse(item.get(CREATED_AT).s()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static int intOf(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }
}
