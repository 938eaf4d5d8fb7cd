package dev.baton.order.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.baton.order.domain.CompletedNode;
import dev.baton.order.domain.Handoff;
import dev.baton.order.domain.HandoffGrant;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Pins;
import dev.baton.shared.infra.CanonicalJson;

/**
 * The nested part of an order item (pins, progress, handoff history, grants, start data) as one JSON document
 * in a string attribute: compact, read and written whole with the order, and its size is the item's.
 * Node data is embedded as JSON, never re-encoded.
 */
final class OrderDocument {

    static final String PINS = "pins";
    static final String FLOWS = "flows";
    static final String MAPPINGS = "mappings";
    static final String PROGRESS = "progress";
    static final String HANDOFFS = "handoffs";
    static final String DATA = "data";
    static final String OWNER_SINCE = "ownerSince";
    static final String GRANTS = "grants";
    static final String STARTED_BY = "startedBy";

    private final ObjectMapper json = CanonicalJson.mapper();

    /** The parts of an order this document holds. */
    record Parts(Pins pins, Map<String, List<CompletedNode>> progress, List<Handoff> handoffs, NodeData data,
                 Instant ownerSince, List<HandoffGrant> grants, String startedBy) {
    }

    String write(Parts parts) {
        ObjectNode root = json.createObjectNode();
        ObjectNode pins = root.putObject(PINS);
        ObjectNode flows = pins.putObject(FLOWS);
        parts.pins().flows().forEach(flows::put);
        ObjectNode mappings = pins.putObject(MAPPINGS);
        parts.pins().mappings().forEach(mappings::put);
        ObjectNode progress = root.putObject(PROGRESS);
        parts.progress().forEach((platform, nodes) -> {
            ArrayNode list = progress.putArray(platform);
            nodes.forEach(n -> list.add(node(n)));
        });
        ArrayNode handoffs = root.putArray(HANDOFFS);
        parts.handoffs().forEach(h -> handoffs.add(HistoryJson.handoff(json, h)));
        root.set(DATA, raw(parts.data()));
        if (parts.ownerSince() != null) {
            root.put(OWNER_SINCE, parts.ownerSince().toString());
        }
        if (!parts.grants().isEmpty()) {
            root.set(GRANTS, HistoryJson.grants(json, parts.grants()));
        }
        if (parts.startedBy() != null) {
            root.put(STARTED_BY, parts.startedBy());
        }
        return CanonicalJson.text(root);
    }

    Parts read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable order document", e);
        }
        Map<String, Integer> flows = new LinkedHashMap<>();
        root.path(PINS).path(FLOWS).fields().forEachRemaining(e -> flows.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> mappings = new LinkedHashMap<>();
        root.path(PINS).path(MAPPINGS).fields().forEachRemaining(e -> mappings.put(e.getKey(), e.getValue().asInt()));
        Map<String, List<CompletedNode>> progress = new LinkedHashMap<>();
        root.path(PROGRESS).fields().forEachRemaining(e -> {
            List<CompletedNode> nodes = new ArrayList<>();
            e.getValue().forEach(n -> nodes.add(node(n)));
            progress.put(e.getKey(), nodes);
        });
        List<Handoff> handoffs = new ArrayList<>();
        root.path(HANDOFFS).forEach(h -> handoffs.add(HistoryJson.handoff(h)));
        Instant since = root.hasNonNull(OWNER_SINCE) ? Instant.parse(root.get(OWNER_SINCE).asText()) : null;
        String startedBy = root.hasNonNull(STARTED_BY) ? root.get(STARTED_BY).asText() : null;
        return new Parts(new Pins(flows, mappings), progress, handoffs,
                new NodeData(CanonicalJson.text(root.path(DATA))), since, HistoryJson.grants(root.path(GRANTS)),
                startedBy);
    }

    private ObjectNode node(CompletedNode n) {
        ObjectNode o = json.createObjectNode();
        o.put("node", n.nodeId());
        o.set("data", raw(n.data()));
        o.put("at", n.completedAt().toString());
        o.put("terminal", n.terminalId());
        if (n.carried()) {
            ObjectNode from = o.putObject("carriedFrom");
            from.put("platform", n.carriedFrom().platform());
            n.carriedFrom().sourceNodes().forEach(from.putArray("sourceNodes")::add);
        }
        return o;
    }

    private static CompletedNode node(JsonNode n) {
        CompletedNode.CarriedFrom from = null;
        if (n.has("carriedFrom")) {
            List<String> sources = new ArrayList<>();
            n.path("carriedFrom").path("sourceNodes").forEach(s -> sources.add(s.asText()));
            from = new CompletedNode.CarriedFrom(n.path("carriedFrom").path("platform").asText(), sources);
        }
        return new CompletedNode(n.path("node").asText(), new NodeData(CanonicalJson.text(n.path("data"))),
                Instant.parse(n.path("at").asText()), n.path("terminal").asText(), from);
    }

    private static JsonNode raw(NodeData data) {
        return CanonicalJson.parse(data.json());
    }
}
