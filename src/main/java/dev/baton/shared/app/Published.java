package dev.baton.shared.app;

import java.time.Instant;

/** A stored definition (a flow or a mapping version) with the time it was published. */
public record Published<T>(T value, Instant createdAt) {
}
