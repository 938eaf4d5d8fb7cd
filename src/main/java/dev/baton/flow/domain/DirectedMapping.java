package dev.baton.flow.domain;

/**
 * A published mapping version oriented for handoffs away from one of its platforms: what a takeover needs of
 * it. Derived once from an immutable {@link NodeMapping} and cached with it (see
 * {@code flow.app.PinnedDefinitions}), so a handoff does not rebuild the link structure every time.
 *
 * @param version the mapping version, recorded in the handoff history
 * @param links   the links oriented from the source platform ({@link NodeMapping#directedFrom})
 */
public record DirectedMapping(int version, DirectedLinks links) {

    /** {@code mapping} oriented for handoffs away from {@code sourcePlatform}. */
    public static DirectedMapping of(NodeMapping mapping, String sourcePlatform) {
        return new DirectedMapping(mapping.version(), mapping.directedFrom(sourcePlatform));
    }
}
