package fr.artisanat.platform.failure;

/** A change asked on a version of the object that is no longer the current one ({@link ExpectedVersion}). */
public final class StaleVersion extends DomainFailure {

    private final long current;

    public StaleVersion(long current) {
        super("The object changed since it was read: its version is now " + current);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
