package dev.baton.flow.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore.Catalog;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.HandoffResolver;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.flow.domain.Resolution;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Violation;

/**
 * Dry-runs a handoff on a hypothetical set of completed source nodes, with the latest flows and the
 * latest mapping between the two platforms (in either orientation) — what a new order would get.
 */
@ApplicationScoped
public class HandoffPreviewService {

    private final DefinitionStore store;

    HandoffPreviewService(DefinitionStore store) {
        this.store = store;
    }

    /** The preview: the completed source nodes in source order and the resolution on the target. */
    public record Preview(String from, String to, int mappingVersion, List<String> completedOnSource,
                          Resolution resolution) {
    }

    /** Resolves a handoff {@code from} → {@code to} as if {@code completed} were done on {@code from}. */
    public Preview preview(String businessType, String from, String to, List<String> completed) {
        if (from.equals(to)) {
            throw new InvalidInputException("to", "must differ from from");
        }
        Catalog catalog = store.catalog(businessType);
        Flow source = flow(catalog, businessType, from, "from");
        Flow target = flow(catalog, businessType, to, "to");
        NodeMapping mapping = catalog.mappingBetween(from, to).map(Published::value)
                .orElseThrow(() -> new InvalidInputException("to", "no node mapping is configured between "
                        + from + " and " + to + " for business type " + businessType));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < completed.size(); i++) {
            if (!source.contains(completed.get(i))) {
                violations.add(new Violation("completed[" + i + "]", "is not a node of the " + from + " flow"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Set<String> done = new HashSet<>(completed);
        Resolution resolution = HandoffResolver.resolve(source, target, mapping.directedFrom(from), done, Set.of());
        List<String> inOrder = source.nodeIds().stream().filter(done::contains).toList();
        return new Preview(from, to, mapping.version(), inOrder, resolution);
    }

    private static Flow flow(Catalog catalog, String businessType, String platform, String field) {
        return catalog.flow(platform).map(Published::value).orElseThrow(() -> new InvalidInputException(field,
                "platform " + platform + " has no published flow for business type " + businessType));
    }
}
