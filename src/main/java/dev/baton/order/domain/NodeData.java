package dev.baton.order.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Data captured at a node: the text of one JSON object, canonical (keys sorted) so equal data has equal
 * text. Opaque to the domain. Its text is personal data: {@link #toString()} never shows it.
 */
public record NodeData(String json) {

    /** The largest data a caller may send for one node (or one order), in bytes of UTF-8 JSON. */
    public static final int MAX_INPUT_BYTES = 16 * 1024;

    /** The empty object. */
    public static final NodeData EMPTY = new NodeData("{}");

    public NodeData {
        if (json == null || !json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("node data must be the text of a JSON object");
        }
    }

    /** True when the data is within {@link #MAX_INPUT_BYTES}, the limit for data sent by a caller. */
    public boolean withinInputLimit() {
        return json.length() <= MAX_INPUT_BYTES / 4 || bytes() <= MAX_INPUT_BYTES;
    }

    /** Size in bytes of UTF-8. */
    public int bytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The data a node carried over from {@code sourceIds} gets: the source's data when there is one source,
     * else one object holding each source node's data under its id.
     */
    public static NodeData carried(List<String> sourceIds, List<NodeData> data) {
        if (sourceIds.size() == 1) {
            return data.get(0);
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < sourceIds.size(); i++) {
            // node ids are [A-Za-z0-9_-]{1,64}: safe as JSON keys without escaping
            json.append(i == 0 ? "" : ",").append('"').append(sourceIds.get(i)).append("\":")
                    .append(data.get(i).json());
        }
        return new NodeData(json.append('}').toString());
    }

    @Override
    public String toString() {
        return "NodeData[" + json.length() + " chars]";
    }
}
