package fr.artisanat.platform.changes;

import java.util.List;

import fr.artisanat.platform.pagination.CursorPage;

/**
 * A "what changed since" feed over one table that never skips a change, whatever the interleaving of writers
 * (docs/adr/0007-commit-ordered-changes-feed.md).
 * <p>
 * The table has {@code change_xid xid8 not null}, {@code change_seq bigint not null} and an index on
 * {@code (change_xid, change_seq)}. Every write of a row sets {@code change_xid} to {@link #TRANSACTION} and
 * {@code change_seq} to the next value of the table's sequence, so an updated row moves to its latest change.
 * A page holds the rows after the cursor, in that order, whose transaction id is below the oldest transaction still
 * in progress: those transactions are over, and every transaction that has yet to write will get a higher id, so
 * nothing can ever land behind a position already served.
 */
public record ChangesFeed(ChangePosition after, int limit) {

    /** OpenAPI wording every feed shares: how to follow it and what it guarantees. */
    public static final String HOW_TO_FOLLOW = "Start without a cursor, then always pass the returned 'next' (present even "
            + "when nothing changed, also in the Link header) to get what changed since. Following 'next' never skips a "
            + "change: a change shows once the transactions that began before it have ended. An item changed again "
            + "shows again, at its latest change.";
    public static final String CURSOR = "The 'next' of the previous call; none to start from the first change";
    public static final String CURSOR_EXAMPLE = "NzQ1LjEyMzQ";
    public static final String LINK = "RFC 8288 link to what changed next (rel=\"next\"), always present";

    /** SQL of the id of the writing transaction (given it at once if it had none yet): the value of {@code change_xid}. */
    public static final String TRANSACTION = "pg_current_xact_id()";

    /** The page after {@code cursor} (from the start without one), at most {@code limit} changes. */
    public static ChangesFeed page(String cursor, int limit) {
        return new ChangesFeed(ChangePosition.ofCursor(cursor), limit);
    }

    /**
     * The condition on the table aliased {@code alias}: after the cursor, and written by a transaction older than
     * any still in progress. Bound by {@link #params()}, in the same statement as the read, so both see one snapshot.
     */
    public String where(String alias) {
        return "(" + alias + ".change_xid, " + alias + ".change_seq) > (cast(? as xid8), ?) and " + alias
                + ".change_xid < pg_snapshot_xmin(pg_current_snapshot())";
    }

    /** The order of the feed and the page size, to end the statement with. */
    public String orderAndLimit(String alias) {
        return " order by " + alias + ".change_xid, " + alias + ".change_seq limit ?";
    }

    /** The values of the placeholders of {@link #where} then {@link #orderAndLimit}, in order. */
    public List<Object> params() {
        return List.of(Long.toString(after.transaction()), after.sequence(), limit);
    }

    /** One change read for the page: its position and what the client gets. */
    public record Change<T>(ChangePosition position, T item) {
    }

    /**
     * The page of these changes (read in feed order). Its {@code next} is always set, also when nothing changed: the
     * position of the last change, else the cursor given, so a client polls on from where it is.
     */
    public <T> CursorPage<T> toPage(List<Change<T>> changes) {
        ChangePosition last = changes.isEmpty() ? after : changes.get(changes.size() - 1).position();
        return new CursorPage<>(changes.stream().map(Change::item).toList(), last.cursor());
    }
}
