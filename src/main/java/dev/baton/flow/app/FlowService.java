package dev.baton.flow.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.PublishLoop;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Violation;

/** Publishes and reads flows: versioned, immutable, identical republishes are no-ops. */
@ApplicationScoped
public class FlowService {

    /** How often a publish re-reads and retries after losing a race to a concurrent publish. */

    private final DefinitionStore store;
    private final Clock clock;

    FlowService(DefinitionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The outcome of a publish: the latest version, and whether this call created it. */
    public record PublishResult(Published<Flow> flow, boolean created) {
    }

    /**
     * Publishes {@code nodes} as version n+1 of the flow, or returns version n unchanged when its nodes are
     * identical. Concurrent publishes never share a version: the loser re-reads and publishes after it.
     */
    public PublishResult publish(String businessType, String platform, List<Node> nodes) {
        List<Violation> violations = Flow.check(nodes);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return PublishLoop.publish("The flow", () -> {
            Optional<Published<Flow>> latest = store.latestFlow(businessType, platform);
            if (latest.isPresent() && latest.get().value().hasSameNodesAs(nodes)) {
                return new PublishResult(latest.get(), false);
            }
            int version = latest.map(p -> p.value().version() + 1).orElse(1);
            Published<Flow> next = new Published<>(new Flow(businessType, platform, version, nodes), clock.instant());
            store.createFlow(next);
            return new PublishResult(next, true);
        });
    }

    /** The latest flow, or the given version. */
    public Published<Flow> get(String businessType, String platform, OptionalInt version) {
        Optional<Published<Flow>> flow = version.isPresent()
                ? store.flow(businessType, platform, version.getAsInt())
                : store.latestFlow(businessType, platform);
        return flow.orElseThrow(() -> new NotFoundException("No flow for business type " + businessType
                + " on platform " + platform + (version.isPresent() ? " at version " + version.getAsInt() : "")
                + "."));
    }

    /** Every business type with a published flow, sorted. */
    public List<String> businessTypes() {
        return store.businessTypes();
    }

    /** The latest flow of every platform of a business type, by platform name. */
    public List<Published<Flow>> list(String businessType) {
        return store.catalog(businessType).flows().stream()
                .sorted(java.util.Comparator.comparing(f -> f.value().platform()))
                .toList();
    }
}
