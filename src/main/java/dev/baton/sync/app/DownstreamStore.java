package dev.baton.sync.app;

import java.util.Optional;

import dev.baton.shared.app.Published;
import dev.baton.sync.domain.Downstream;

/** Where downstream settings live; versioned and immutable like flows. */
public interface DownstreamStore {

    /** The latest version of a downstream's settings. */
    Optional<Published<Downstream>> latest(String name);

    /**
     * Stores {@code downstream} as the new latest version, if the latest is still {@code version - 1}.
     *
     * @throws dev.baton.shared.app.VersionConflictException when another publish got there first
     */
    void create(Published<Downstream> downstream);

    /** The names of every downstream with a published version, sorted. */
    java.util.List<String> names();
}
