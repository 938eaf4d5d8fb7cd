package dev.baton.sync.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.PublishLoop;
import dev.baton.shared.app.Published;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Downstream;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureClassifier;
import dev.baton.sync.domain.Rule;

/** Publishes downstream settings (versioned; identical settings are a no-op) and dry-runs classification. */
@ApplicationScoped
public class DownstreamService {


    private final DownstreamStore store;
    private final DownstreamCache cache;
    private final Clock clock;

    DownstreamService(DownstreamStore store, DownstreamCache cache, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    /** The latest settings and whether this call created them. */
    public record Publication(Published<Downstream> downstream, boolean created) {
    }

    /** Publishes {@code settings} (its version is ignored) as the next version of the downstream. */
    public Publication publish(Downstream settings) {
        return PublishLoop.publish("Downstream " + settings.name(), () -> {
            Optional<Published<Downstream>> latest = store.latest(settings.name());
            if (latest.isPresent() && latest.get().value().sameSettingsAs(settings)) {
                return new Publication(latest.get(), false);
            }
            int version = latest.map(l -> l.value().version() + 1).orElse(1);
            Published<Downstream> next = new Published<>(settings.withVersion(version), clock.instant());
            store.create(next);
            cache.evict(settings.name());
            return new Publication(next, true);
        });
    }

    /**
     * Publishes the latest settings of {@code name} with {@code rule} added after its rules, as the next version.
     * The same rule published again changes nothing (the answer is the current version, not created).
     *
     * @throws NotFoundException     when there is no such downstream
     * @throws dev.baton.shared.domain.InvalidInputException {@code rule.id} when another rule has that id
     */
    public Publication publishRule(String name, Rule rule) {
        return PublishLoop.publish("Downstream " + name, () -> {
            Published<Downstream> latest = get(name);
            Downstream d = latest.value();
            Optional<Rule> same = d.rules().stream().filter(r -> r.id().equals(rule.id())).findFirst();
            if (same.isPresent()) {
                if (same.get().equals(rule)) {
                    return new Publication(latest, false);
                }
                throw new dev.baton.shared.domain.InvalidInputException("rule.id", "is the id of another rule of "
                        + "downstream " + name);
            }
            List<Rule> rules = new java.util.ArrayList<>(d.rules());
            rules.add(rule);
            Published<Downstream> next = new Published<>(new Downstream(name, d.version() + 1, d.endpoint(),
                    d.timeout(), d.headers(), d.secretHeaders(), d.codePointer(), d.successCodes(), d.messagePointer(),
                    d.referencePointer(), d.retries(), rules), clock.instant());
            store.create(next);
            cache.evict(name);
            return new Publication(next, true);
        });
    }

    /** The names of every downstream, sorted. */
    public List<String> names() {
        return store.names();
    }

    /** The latest settings of {@code name}; {@link dev.baton.shared.app.NotFoundException} when none. */
    public Published<Downstream> get(String name) {
        return store.latest(name).orElseThrow(() -> new dev.baton.shared.app.NotFoundException(
                "No downstream " + name + "."));
    }

    /** How {@code failure} would be classified with the downstream's rules and the defaults. */
    public Classification classify(String name, Failure failure) {
        List<Rule> rules = store.latest(name).map(p -> p.value().rules())
                .orElseThrow(() -> new NotFoundException("No downstream " + name + "."));
        return FailureClassifier.classify(failure, rules);
    }
}
