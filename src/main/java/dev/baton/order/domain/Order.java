package dev.baton.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One business instance: who owns it, what each platform has done and how it moved between channels (its
 * sync state is the sync feature's, kept apart). Immutable: every change returns a new order with the next
 * {@code version}, which the
 * store writes only if the stored version is still the one read (optimistic locking).
 *
 * @param businessType null for a plain order that is only synced
 * @param owner        null for a plain order
 * @param progress     completed nodes per platform, in completion order
 * @param grants       handoff grants issued and not yet used, expired or voided by a handoff
 * @param startedBy    the terminal whose token started the order (null with authentication off); it owns
 *                     a plain order
 * @param data         the data the order started with
 * @param requestHash  fingerprint of the start request, so a repeated start is recognised
 */
public record Order(String id, String businessType, Owner owner, Pins pins, Map<String, List<CompletedNode>> progress,
                    List<Handoff> handoffs, List<HandoffGrant> grants, String startedBy, NodeData data,
                    String requestHash, long version, Instant createdAt, Instant updatedAt) {

    public Order {
        if (id == null || pins == null || data == null || createdAt == null) {
            throw new IllegalArgumentException("order needs id, pins, data and creation time");
        }
        Map<String, List<CompletedNode>> copy = new LinkedHashMap<>();
        progress.forEach((platform, nodes) -> copy.put(platform, List.copyOf(nodes)));
        progress = java.util.Collections.unmodifiableMap(copy);
        handoffs = List.copyOf(handoffs);
        grants = List.copyOf(grants);
    }

    /** A new order owned by {@code owner} (null for a plain order), at version 1. */
    public static Order start(String id, String businessType, Owner owner, Pins pins, NodeData data,
                              String requestHash, Instant now) {
        return new Order(id, businessType, owner, pins, Map.of(), List.of(), List.of(), null, data,
                requestHash, 1, now, now);
    }

    /** True for an order with a business type and an owner (one that has flows to progress through). */
    public boolean hasFlow() {
        return businessType != null && owner != null;
    }

    /** The nodes completed on {@code platform}, in completion order. */
    public List<CompletedNode> completedOn(String platform) {
        return progress.getOrDefault(platform, List.of());
    }

    /** The ids of the nodes completed on {@code platform}. */
    public Set<String> completedIdsOn(String platform) {
        Set<String> ids = new HashSet<>();
        completedOn(platform).forEach(n -> ids.add(n.nodeId()));
        return ids;
    }

    /** The completion of {@code nodeId} on {@code platform}, if any. */
    public Optional<CompletedNode> completion(String platform, String nodeId) {
        return completedOn(platform).stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }

    /** This order with more definition versions pinned (same version: the change is stored with the next write). */
    public Order withPins(Pins newPins) {
        return new Order(id, businessType, owner, newPins, progress, handoffs, grants, startedBy, data,
                requestHash, version, createdAt, updatedAt);
    }

    /** The next version of this order with {@code nodes} appended to {@code platform}'s progress. */
    Order withCompleted(String platform, List<CompletedNode> nodes, Owner newOwner, Handoff handoff, Pins newPins,
                        Instant now) {
        Map<String, List<CompletedNode>> next = new LinkedHashMap<>(progress);
        List<CompletedNode> list = new ArrayList<>(completedOn(platform));
        list.addAll(nodes);
        next.put(platform, list);
        List<Handoff> history = new ArrayList<>(handoffs);
        if (handoff != null) {
            history.add(handoff);
        }
        // a change of owner voids every grant: the one presented is used, the others spoke for the old owner
        List<HandoffGrant> left = newOwner.equals(owner) ? grants : List.of();
        return new Order(id, businessType, newOwner, newPins, next, history, left, startedBy, data, requestHash,
                version + 1, createdAt, now);
    }

    /** This order as started by {@code terminal} (same version: recorded with the creating write). */
    public Order startedBy(String terminal) {
        return new Order(id, businessType, owner, pins, progress, handoffs, grants, terminal, data, requestHash,
                version, createdAt, updatedAt);
    }

    /** The terminal that owns the order: its owner's, or for a plain order the one that started it. */
    public Optional<String> owningTerminal() {
        return Optional.ofNullable(owner == null ? startedBy : owner.terminalId());
    }

    /** True when {@code terminal} owned the order before a handoff moved it away. */
    public boolean formerlyOwnedBy(String terminal) {
        return handoffs.stream().anyMatch(h -> h.fromTerminal().equals(terminal));
    }

    /** The grant with this code hash, if it is live at {@code now}. */
    public Optional<HandoffGrant> liveGrant(String codeHash, Instant now) {
        return grants.stream().filter(g -> g.codeHash().equals(codeHash) && g.liveAt(now)).findFirst();
    }

    /** The next version of this order with {@code grant} added and expired grants dropped. */
    public Order withGrant(HandoffGrant grant, Instant now) {
        List<HandoffGrant> live = new ArrayList<>(grants.stream().filter(g -> g.liveAt(now)).toList());
        live.add(grant);
        return new Order(id, businessType, owner, pins, progress, handoffs, live, startedBy, data, requestHash,
                version + 1, createdAt, now);
    }
}
