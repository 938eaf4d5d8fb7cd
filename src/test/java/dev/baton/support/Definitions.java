package dev.baton.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.baton.flow.app.FlowService;
import dev.baton.flow.app.MappingService;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Node;

/** Publishes flows and mappings through the real services, for tests of functions that only read them. */
public final class Definitions {

    private final FlowService flows;
    private final MappingService mappings;
    private final String businessType = "bt-" + UUID.randomUUID().toString().substring(0, 8);

    public Definitions(FlowService flows, MappingService mappings) {
        this.flows = flows;
        this.mappings = mappings;
    }

    /** The random business type these definitions are published under. */
    public String type() {
        return businessType;
    }

    /** Publishes a flow whose node names are "Step &lt;id&gt;". */
    public Definitions flow(String platform, String... nodeIds) {
        List<Node> nodes = Arrays.stream(nodeIds).map(id -> new Node(id, "Step " + id)).toList();
        flows.publish(businessType, platform, nodes);
        return this;
    }

    /** Publishes a mapping from links written as "from>to1,to2". */
    public Definitions mapping(String base, String associated, String... links) {
        List<Link> list = new ArrayList<>();
        for (String link : links) {
            String[] parts = link.split(">");
            list.add(new Link(parts[0], List.of(parts[1].split(","))));
        }
        mappings.publish(businessType, base, associated, list);
        return this;
    }
}
