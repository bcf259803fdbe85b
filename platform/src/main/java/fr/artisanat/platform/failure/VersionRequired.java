package fr.artisanat.platform.failure;

/** A change that must say which version of the object it was made on, and did not ({@link ExpectedVersion}). */
public final class VersionRequired extends DomainFailure {

    public VersionRequired() {
        super("The change must name the version of the object it was made on");
    }
}
