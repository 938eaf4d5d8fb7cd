package dev.baton.shared.app;

import java.util.function.Supplier;

/**
 * The one publish loop of flows, mappings and downstream settings: read the latest version, answer it unchanged
 * when the new content is the same, otherwise create version n+1 with a conditional write; a publish that loses
 * the race ({@link VersionConflictException}) reads again and decides again, because the winner may have
 * published the same content. After {@value #ATTEMPTS} lost races the caller gets a 409 to retry later.
 */
public final class PublishLoop {

    /** How many lost races one publish absorbs before answering 409 {@code concurrent-publish}. */
    public static final int ATTEMPTS = 5;

    private PublishLoop() {
    }

    /**
     * Runs {@code attempt} (read latest, compare, create) until it does not lose a race.
     *
     * @param what    names what is published in the 409's detail, e.g. "The flow"
     * @param attempt one read-compare-create; throws {@link VersionConflictException} when it lost
     * @throws ConflictException {@code concurrent-publish} after {@value #ATTEMPTS} lost races
     */
    public static <R> R publish(String what, Supplier<R> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (VersionConflictException lostRace) {
                // another publish created this version first: read again, it may have published the same content
            }
        }
        throw new ConflictException("concurrent-publish", what + " is being published concurrently by others; "
                + "try again.");
    }
}
