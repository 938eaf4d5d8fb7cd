package dev.baton.shared.app;

/** A concurrent publish created the same version first; the caller re-reads and tries again. */
public class VersionConflictException extends RuntimeException {

    /** A conflict on {@code what} (e.g. "flow auto-policy/phone v3"). */
    public VersionConflictException(String what) {
        super("version already exists or head moved: " + what);
    }
}
