package fr.artisanat.platform.pagination;

/** A cursor that is not one the list handed out, or not for this query: bad input naming {@code cursor}. */
public final class InvalidCursor extends RuntimeException {

    /** @param why e.g. {@code it was made for another sort order}; the message is {@code invalid cursor: <why>} */
    public InvalidCursor(String why) {
        super("invalid cursor: " + why);
    }
}
