package dev.baton.order.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The definition versions an order is pinned to: a flow version per platform and a mapping version per
 * configured pair (key {@code base>associated}). Published versions never change, so pinned definitions
 * can be cached forever.
 */
public record Pins(Map<String, Integer> flows, Map<String, Integer> mappings) {

    /** No pins (a plain order). */
    public static final Pins NONE = new Pins(Map.of(), Map.of());

    /** Copies kept sorted by key, so an order reads the same from every instance (a {@code Map.copyOf}'s order varies). */
    public Pins {
        flows = sorted(flows);
        mappings = sorted(mappings);
    }

    private static Map<String, Integer> sorted(Map<String, Integer> pins) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(pins)));
    }

    /** The key of the mapping configured as {@code base → associated}. */
    public static String mappingKey(String base, String associated) {
        return base + ">" + associated;
    }

    /** The pinned flow version of {@code platform}. */
    public Optional<Integer> flow(String platform) {
        return Optional.ofNullable(flows.get(platform));
    }

    /** The pinned mapping between two platforms in either orientation, as (key, version). */
    public Optional<Map.Entry<String, Integer>> mappingBetween(String p1, String p2) {
        for (String key : new String[] {mappingKey(p1, p2), mappingKey(p2, p1)}) {
            if (mappings.containsKey(key)) {
                return Optional.of(Map.entry(key, mappings.get(key)));
            }
        }
        return Optional.empty();
    }

    /** These pins plus a flow version pinned later (a platform that got its flow after the order started). */
    public Pins withFlow(String platform, int version) {
        Map<String, Integer> f = new TreeMap<>(flows);
        f.put(platform, version);
        return new Pins(f, mappings);
    }

    /** These pins plus a mapping version pinned later. */
    public Pins withMapping(String key, int version) {
        Map<String, Integer> m = new TreeMap<>(mappings);
        m.put(key, version);
        return new Pins(flows, m);
    }
}
