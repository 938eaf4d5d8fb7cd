package dev.baton.sync.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.Published;
import dev.baton.sync.domain.Downstream;

/**
 * The latest downstream settings, kept for {@link #TTL} in the warm function so a sync costs no settings
 * read: a newly published version takes effect in every function within a minute.
 */
@ApplicationScoped
public class DownstreamCache {

    /** How long settings are reused before they are read again. */
    public static final Duration TTL = Duration.ofSeconds(60);

    private final DownstreamStore store;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Downstream downstream, Instant until) {
    }

    DownstreamCache(DownstreamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The latest settings of {@code name}, at most {@link #TTL} old. */
    public Optional<Downstream> latest(String name) {
        Instant now = clock.instant();
        Entry hit = cache.get(name);
        if (hit != null && hit.until().isAfter(now)) {
            return Optional.of(hit.downstream());
        }
        Optional<Downstream> loaded = store.latest(name).map(Published::value);
        loaded.ifPresentOrElse(d -> cache.put(name, new Entry(d, now.plus(TTL))), () -> cache.remove(name));
        return loaded;
    }

    /** Forgets {@code name} (after this function published new settings). */
    public void evict(String name) {
        cache.remove(name);
    }
}
