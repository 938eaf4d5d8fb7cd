package dev.baton.order;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.support.Api;
import dev.baton.support.Api.Reply;

/** Calls the orders API of the handoff function the way a terminal would. */
final class OrderClient {

    private OrderClient() {
    }

    static Reply start(String orderId, String type, String platform, String terminal) {
        return Api.post("/v1/orders", "{\"orderId\":\"" + orderId + "\",\"businessType\":\"" + type
                + "\",\"platform\":\"" + platform + "\",\"terminalId\":\"" + terminal + "\"}");
    }

    static Reply complete(String orderId, String node, String platform, String terminal, String dataJson) {
        return Api.post("/v1/orders/" + orderId + "/nodes/" + node + "/complete", "{\"platform\":\"" + platform
                + "\",\"terminalId\":\"" + terminal + "\"" + (dataJson == null ? "" : ",\"data\":" + dataJson) + "}");
    }

    static Reply handoff(String orderId, String toPlatform, String terminal) {
        return Api.post("/v1/orders/" + orderId + "/handoffs", "{\"toPlatform\":\"" + toPlatform
                + "\",\"terminalId\":\"" + terminal + "\"}");
    }

    static JsonNode order(String orderId) {
        return Api.get("/v1/orders/" + orderId).json();
    }

    /** Completes each node in turn with data {"v":"<node>"}, asserting every completion succeeds. */
    static void completeAll(String orderId, String platform, String terminal, String... nodes) {
        for (String node : nodes) {
            Reply reply = complete(orderId, node, platform, terminal, "{\"v\":\"" + node + "\"}");
            if (reply.status() != 200) {
                throw new AssertionError("completing " + node + ": " + reply);
            }
        }
    }

    /** The ids in a JSON array of {id, name} nodes. */
    static List<String> ids(JsonNode nodes) {
        return nodes.findValuesAsText("id");
    }

    /** The target node ids of a carriedOver array. */
    static List<String> carriedNodes(JsonNode carriedOver) {
        java.util.List<String> out = new java.util.ArrayList<>();
        carriedOver.forEach(c -> out.add(c.path("node").asText()));
        return out;
    }
}
