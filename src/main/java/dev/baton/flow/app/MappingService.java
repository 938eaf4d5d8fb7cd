package dev.baton.flow.app;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore.Catalog;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.HandoffMatrix;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Lint;
import dev.baton.flow.domain.MappingLint;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.PublishLoop;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Violation;

/** Publishes and reads node mappings between a base and an associated platform, always with a lint. */
@ApplicationScoped
public class MappingService {

    private final DefinitionStore store;
    private final Clock clock;

    MappingService(DefinitionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A mapping version with the lint of its links against the flows it was built on. */
    public record LintedMapping(Published<NodeMapping> mapping, Lint lint, boolean created) {
    }

    /**
     * Publishes {@code links} as the next version of the base → associated mapping, built against the
     * latest flows of both platforms. Identical links on the same flow versions are a no-op. Errors reject
     * (unknown nodes, duplicates, equal platforms, a mapping already configured the other way round);
     * the lint only warns.
     */
    public LintedMapping publish(String businessType, String base, String associated, List<Link> links) {
        requireDistinct(base, associated);
        return PublishLoop.publish("The mapping", () -> {
            Catalog catalog = store.catalog(businessType);
            Sides sides = acceptedSides(catalog, businessType, base, associated, links);
            Flow baseFlow = sides.base();
            Flow associatedFlow = sides.associated();
            Optional<Published<NodeMapping>> latest = catalog.mappings().stream()
                    .filter(m -> m.value().basePlatform().equals(base)
                            && m.value().associatedPlatform().equals(associated))
                    .findFirst();
            if (latest.isPresent() && sameMapping(latest.get().value(), baseFlow, associatedFlow, links)) {
                return new LintedMapping(latest.get(), MappingLint.of(baseFlow, associatedFlow, links), false);
            }
            int version = latest.map(m -> m.value().version() + 1).orElse(1);
            Published<NodeMapping> next = new Published<>(new NodeMapping(businessType, base, associated, version,
                    baseFlow.version(), associatedFlow.version(), links), clock.instant());
            store.createMapping(next);
            return new LintedMapping(next, MappingLint.of(baseFlow, associatedFlow, links), true);
        });
    }

    /** A mapping not published: its flows, lint and the handoff matrices in both directions. */
    public record Checked(Flow base, Flow associated, Lint lint, HandoffMatrix forward, HandoffMatrix reverse) {
    }

    /**
     * What publishing {@code links} would give, without writing anything: the same validation as
     * {@link #publish} (so the same 422s and the same 409 for a mapping configured the other way round), the
     * lint, and for each direction where a handoff would resume at every point the source flow can have reached.
     */
    public Checked check(String businessType, String base, String associated, List<Link> links) {
        requireDistinct(base, associated);
        Sides sides = acceptedSides(store.catalog(businessType), businessType, base, associated, links);
        Flow baseFlow = sides.base();
        Flow associatedFlow = sides.associated();
        return new Checked(baseFlow, associatedFlow, MappingLint.of(baseFlow, associatedFlow, links),
                HandoffMatrix.of(baseFlow, associatedFlow, NodeMapping.directed(links, true)),
                HandoffMatrix.of(associatedFlow, baseFlow, NodeMapping.directed(links, false)));
    }

    /** The latest mapping (or one version), linted against the flow versions it was built on. */
    public LintedMapping get(String businessType, String base, String associated, OptionalInt version) {
        Optional<Published<NodeMapping>> found = version.isPresent()
                ? store.mapping(businessType, base, associated, version.getAsInt())
                : store.latestMapping(businessType, base, associated);
        Published<NodeMapping> mapping = found.orElseThrow(() -> new NotFoundException("No mapping "
                + base + " → " + associated + " for business type " + businessType
                + (version.isPresent() ? " at version " + version.getAsInt() : "") + "."));
        NodeMapping m = mapping.value();
        Flow baseFlow = pinnedFlow(businessType, base, m.baseFlowVersion());
        Flow associatedFlow = pinnedFlow(businessType, associated, m.associatedFlowVersion());
        return new LintedMapping(mapping, MappingLint.of(baseFlow, associatedFlow, m.links()), false);
    }

    private record Sides(Flow base, Flow associated) {
    }

    private static void requireDistinct(String base, String associated) {
        if (base.equals(associated)) {
            throw new InvalidInputException("associated", "must differ from base");
        }
    }

    /**
     * The latest flows of both sides when {@code links} may be published between them: both have flows, the
     * pair is not mapped the other way round (409), and the links fit the flows (422 naming each field).
     */
    private Sides acceptedSides(Catalog catalog, String businessType, String base, String associated,
                                List<Link> links) {
        Flow baseFlow = publishedFlow(catalog, businessType, base, "base");
        Flow associatedFlow = publishedFlow(catalog, businessType, associated, "associated");
        rejectReverseOrientation(catalog, base, associated);
        List<Violation> violations = NodeMapping.check(baseFlow, associatedFlow, links);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Sides(baseFlow, associatedFlow);
    }

    private Flow publishedFlow(Catalog catalog, String businessType, String platform, String field) {
        return catalog.flow(platform).map(Published::value).orElseThrow(() -> new InvalidInputException(field,
                "platform " + platform + " has no published flow for business type " + businessType));
    }

    private Flow pinnedFlow(String businessType, String platform, int version) {
        return store.flow(businessType, platform, version).map(Published::value).orElseThrow(() ->
                new IllegalStateException("mapping refers to a missing flow " + businessType + "/" + platform
                        + " v" + version));
    }

    private static void rejectReverseOrientation(Catalog catalog, String base, String associated) {
        boolean reversed = catalog.mappings().stream().anyMatch(m -> m.value().basePlatform().equals(associated)
                && m.value().associatedPlatform().equals(base));
        if (reversed) {
            throw new ConflictException("mapping-orientation", "A mapping between " + base + " and "
                    + associated + " is already configured as " + associated + " → " + base
                    + "; one mapping serves both directions, so publish to that one.");
        }
    }

    private static boolean sameMapping(NodeMapping current, Flow base, Flow associated, List<Link> links) {
        return current.baseFlowVersion() == base.version() && current.associatedFlowVersion() == associated.version()
                && edges(current.links()).equals(edges(links));
    }

    private static Set<List<String>> edges(List<Link> links) {
        Set<List<String>> edges = new HashSet<>();
        links.forEach(l -> l.to().forEach(to -> edges.add(List.of(l.from(), to))));
        return edges;
    }
}
