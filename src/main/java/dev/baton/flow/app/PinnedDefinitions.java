package dev.baton.flow.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.domain.DirectedMapping;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;

/**
 * Published definition versions, cached in the warm function. A published version never changes, so an
 * entry can never be stale; the cache only bounds its size. A handoff on cached definitions costs no
 * definitions read at all.
 */
@ApplicationScoped
public class PinnedDefinitions {

    /** Entries kept before the cache is cleared (each is one flow or mapping version). */
    static final int MAX_ENTRIES = 2_000;

    private final DefinitionStore store;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    PinnedDefinitions(DefinitionStore store) {
        this.store = store;
    }

    /** Flow {@code version} of {@code platform}, if it exists. */
    public Optional<Flow> flow(String businessType, String platform, int version) {
        String key = "F|" + businessType + "|" + platform + "|" + version;
        return cached(key, () -> store.flow(businessType, platform, version).map(Published::value));
    }

    /** Version {@code version} of the mapping configured as {@code base → associated}, if it exists. */
    public Optional<NodeMapping> mapping(String businessType, String base, String associated, int version) {
        String key = "M|" + businessType + "|" + base + "|" + associated + "|" + version;
        return cached(key, () -> store.mapping(businessType, base, associated, version).map(Published::value));
    }

    /**
     * Version {@code version} of the mapping configured as {@code base → associated}, oriented for handoffs
     * away from {@code sourcePlatform}; derived once per version and direction and cached like the mapping.
     */
    public Optional<DirectedMapping> directed(String businessType, String base, String associated, int version,
                                              String sourcePlatform) {
        String key = "D|" + businessType + "|" + base + "|" + associated + "|" + version + "|" + sourcePlatform;
        return cached(key, () -> mapping(businessType, base, associated, version)
                .map(m -> DirectedMapping.of(m, sourcePlatform)));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, java.util.function.Supplier<Optional<T>> load) {
        Object hit = cache.get(key);
        if (hit != null) {
            return Optional.of((T) hit);
        }
        Optional<T> loaded = load.get();
        if (loaded.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear(); // crude but safe: everything here can be re-read
            }
            cache.put(key, loaded.get());
        }
        return loaded;
    }
}
