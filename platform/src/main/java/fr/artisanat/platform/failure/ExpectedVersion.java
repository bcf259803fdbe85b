package fr.artisanat.platform.failure;

import java.util.Set;

/**
 * What a change says of the version of the object it was made on: nothing, any version, or one of some versions
 * (over HTTP, the {@code If-Match} header: {@code fr.artisanat.platform.web.EntityTags#expected}). The use case checks
 * it against the current version once it holds the object, in its transaction.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion UNSTATED = new ExpectedVersion(false, null);
    private static final ExpectedVersion ANY = new ExpectedVersion(true, null);

    private final boolean stated;
    /** null: any version. */
    private final Set<Long> versions;

    private ExpectedVersion(boolean stated, Set<Long> versions) {
        this.stated = stated;
        this.versions = versions;
    }

    /** The change says nothing of the version: checked changes pass, required ones are refused. */
    public static ExpectedVersion unstated() {
        return UNSTATED;
    }

    /** The change applies to whatever version is current. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** The change applies only if the current version is one of these (none: never). */
    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(true, Set.copyOf(versions));
    }

    /** For changes where stating the version is optional: a version stated must be the current one. */
    public void check(long current) {
        if (stated && versions != null && !versions.contains(current)) {
            throw new StaleVersion(current);
        }
    }

    /** For changes that must state the version they were made on, and be made on the current one. */
    public void require(long current) {
        if (!stated) {
            throw new VersionRequired();
        }
        check(current);
    }
}
