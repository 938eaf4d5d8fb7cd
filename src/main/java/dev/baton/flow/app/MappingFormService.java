package dev.baton.flow.app;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore.Catalog;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Lint;
import dev.baton.flow.domain.MappingLint;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;

/**
 * Builds the mapping configuration form: the platform types a user can choose as base and associated,
 * the node lists of the chosen platforms in flow order, and the current links with their lint.
 */
@ApplicationScoped
public class MappingFormService {

    private final DefinitionStore store;

    MappingFormService(DefinitionStore store) {
        this.store = store;
    }

    /** One side of the form: the chosen platform, what may be chosen, and its latest flow. */
    public record Side(String platform, List<String> choices, Flow flow) {
    }

    /**
     * The form; sides are null until chosen, mapping and lint null until both are chosen. {@code reversed} is
     * the mapping between the two chosen platforms when it is configured the other way round (then
     * {@code mapping} is null and a publish in this orientation would be refused: choose the sides swapped).
     */
    public record Form(String businessType, List<String> platforms, Side base, Side associated,
                       Published<NodeMapping> mapping, Lint lint, Published<NodeMapping> reversed) {
    }

    /** The form for the optional choices {@code base} and {@code associated}; one catalog read. */
    public Form form(String businessType, Optional<String> base, Optional<String> associated) {
        Catalog catalog = store.catalog(businessType);
        List<String> platforms = catalog.flows().stream().map(f -> f.value().platform()).sorted().toList();
        if (base.isPresent() && associated.isPresent() && base.get().equals(associated.get())) {
            throw new InvalidInputException("associated", "must differ from base");
        }
        Side baseSide = base.map(p -> side(catalog, businessType, p, "base", platforms, associated)).orElse(null);
        Side associatedSide = associated.map(p -> side(catalog, businessType, p, "associated", platforms, base))
                .orElse(null);
        if (baseSide == null || associatedSide == null) {
            return new Form(businessType, platforms, baseSide, associatedSide, null, null, null);
        }
        Optional<Published<NodeMapping>> mapping = catalog.mappings().stream()
                .filter(m -> m.value().basePlatform().equals(base.get())
                        && m.value().associatedPlatform().equals(associated.get()))
                .findFirst();
        Lint lint = mapping.map(m -> MappingLint.of(baseSide.flow(), associatedSide.flow(), m.value().links()))
                .orElse(MappingLint.of(baseSide.flow(), associatedSide.flow(), List.of()));
        Published<NodeMapping> reversed = mapping.isPresent() ? null : catalog.mappings().stream()
                .filter(m -> m.value().basePlatform().equals(associated.get())
                        && m.value().associatedPlatform().equals(base.get()))
                .findFirst().orElse(null);
        return new Form(businessType, platforms, baseSide, associatedSide, mapping.orElse(null), lint, reversed);
    }

    private static Side side(Catalog catalog, String businessType, String platform, String field,
                             List<String> platforms, Optional<String> other) {
        Flow flow = catalog.flow(platform).map(Published::value).orElseThrow(() -> new InvalidInputException(
                field, "platform " + platform + " has no published flow for business type " + businessType));
        List<String> choices = platforms.stream().filter(p -> other.map(o -> !o.equals(p)).orElse(true)).toList();
        return new Side(platform, choices, flow);
    }
}
