package fr.artisanat.platform.failure;

/** The object a command or a query names does not exist, e.g. {@code new NotFound("Convention", id)}. */
public final class NotFound extends DomainFailure {

    private final String what;

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
        this.what = what;
    }

    /** What kind of object was looked for, e.g. {@code Convention}. */
    public String what() {
        return what;
    }
}
