package dev.baton.flow.app;

import java.util.List;
import java.util.Optional;

import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;
import dev.baton.shared.app.VersionConflictException;

/**
 * Where flows and node mappings live. Every published version is immutable; the latest version of each
 * flow and mapping is also readable in one call.
 */
public interface DefinitionStore {

    /** The latest version of a flow, if any was published. */
    Optional<Published<Flow>> latestFlow(String businessType, String platform);

    /** One version of a flow. */
    Optional<Published<Flow>> flow(String businessType, String platform, int version);

    /**
     * Stores {@code flow} as the new latest version, atomically with the check that the latest version is
     * still {@code flow.version() - 1} (none when 1).
     *
     * @throws VersionConflictException when another publish got there first
     */
    void createFlow(Published<Flow> flow);

    /** The latest version of the mapping configured exactly as base → associated. */
    Optional<Published<NodeMapping>> latestMapping(String businessType, String base, String associated);

    /** One version of the mapping configured exactly as base → associated. */
    Optional<Published<NodeMapping>> mapping(String businessType, String base, String associated, int version);

    /**
     * Stores {@code mapping} as the new latest version of its base → associated pair, atomically with the
     * check that the latest version is still {@code mapping.version() - 1}.
     *
     * @throws VersionConflictException when another publish got there first
     */
    void createMapping(Published<NodeMapping> mapping);

    /** Every business type with a published flow, sorted. */
    List<String> businessTypes();

    /** The latest flows and mappings of a business type, read together in one call. */
    Catalog catalog(String businessType);

    /** The latest flow of every platform and the latest version of every mapping of a business type. */
    record Catalog(List<Published<Flow>> flows, List<Published<NodeMapping>> mappings) {

        public Catalog {
            flows = List.copyOf(flows);
            mappings = List.copyOf(mappings);
        }

        /** The latest flow of {@code platform}. */
        public Optional<Published<Flow>> flow(String platform) {
            return flows.stream().filter(f -> f.value().platform().equals(platform)).findFirst();
        }

        /** The latest mapping between two platforms, configured in either orientation. */
        public Optional<Published<NodeMapping>> mappingBetween(String p1, String p2) {
            return mappings.stream().filter(m -> m.value().connects(p1, p2)).findFirst();
        }
    }
}
