package dev.baton.order.domain;

import java.util.List;

/**
 * The default sync payload: everything an order collected, as one JSON object
 * {@code {"orderId", "businessType", "data", "nodes": {"<platform>": {"<node>": data}}}} — nodes done on
 * each platform itself (carried-over copies are left out, their sources are there).
 */
public final class CollectedData {

    private CollectedData() {
    }

    /** The collected data of {@code order}. */
    public static NodeData of(Order order) {
        StringBuilder json = new StringBuilder("{\"orderId\":\"").append(order.id()).append('"');
        if (order.businessType() != null) {
            json.append(",\"businessType\":\"").append(order.businessType()).append('"');
        }
        json.append(",\"data\":").append(order.data().json()).append(",\"nodes\":{");
        boolean firstPlatform = true;
        for (var entry : order.progress().entrySet()) {
            List<CompletedNode> own = entry.getValue().stream().filter(n -> !n.carried()).toList();
            if (own.isEmpty()) {
                continue;
            }
            // ids, platforms and business types are [A-Za-z0-9_-]: safe as JSON keys and values unescaped
            json.append(firstPlatform ? "" : ",").append('"').append(entry.getKey()).append("\":{");
            for (int i = 0; i < own.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(own.get(i).nodeId()).append("\":")
                        .append(own.get(i).data().json());
            }
            json.append('}');
            firstPlatform = false;
        }
        return new NodeData(json.append("}}").toString());
    }
}
