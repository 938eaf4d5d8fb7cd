package dev.baton.flow.domain;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An immutable list of nodes that also knows the position of every node id, so that {@link Flow} (a record,
 * which cannot hold extra fields) answers id lookups in O(1). Equal to any list with the same nodes in the
 * same order. Ids must be unique; {@link Flow} checks that before building one.
 */
final class IndexedNodes extends AbstractList<Node> implements RandomAccess {

    private final List<Node> nodes;
    private final List<String> ids;
    private final Map<String, Integer> indexById;

    private IndexedNodes(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
        this.ids = this.nodes.stream().map(Node::id).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            index.put(this.nodes.get(i).id(), i);
        }
        this.indexById = Map.copyOf(index);
    }

    /** {@code nodes} itself if it is already indexed, else an indexed copy. */
    static IndexedNodes of(List<Node> nodes) {
        return nodes instanceof IndexedNodes indexed ? indexed : new IndexedNodes(nodes);
    }

    /** The position of the node with {@code id}, or -1. */
    int indexOfId(String id) {
        Integer index = id == null ? null : indexById.get(id);
        return index == null ? -1 : index;
    }

    /** The node ids in order; immutable. */
    List<String> ids() {
        return ids;
    }

    @Override
    public Node get(int index) {
        return nodes.get(index);
    }

    @Override
    public int size() {
        return nodes.size();
    }
}
