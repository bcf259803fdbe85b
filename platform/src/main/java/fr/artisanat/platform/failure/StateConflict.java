package fr.artisanat.platform.failure;

/**
 * A command the current state of an object or of the service does not allow (a convention already signed, a
 * succession that would form a cycle, an import already running). {@code type} is a stable slug clients may act on,
 * e.g. {@code already-signed}.
 */
public final class StateConflict extends DomainFailure {

    private final String type;

    public StateConflict(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
