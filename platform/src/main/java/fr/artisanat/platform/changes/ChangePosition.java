package fr.artisanat.platform.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import fr.artisanat.platform.pagination.CursorCodec;

/**
 * Where a change sits in a changes feed: the id of the transaction that wrote it ({@code change_xid}, PostgreSQL's
 * xid8), then its order among that transaction's writes ({@code change_seq}). A cursor is the position of the last
 * change a client has seen (docs/adr/0007-commit-ordered-changes-feed.md).
 */
public record ChangePosition(long transaction, long sequence) {

    /** Before every change. */
    public static final ChangePosition START = new ChangePosition(0, 0);

    /** A cursor is {@code transaction.sequence}, or the sequence alone for a feed from before ADR 0007. */
    private static final CursorCodec CURSORS = new CursorCodec('.', "it is not a cursor of this changes feed");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,19}");

    /** Reads the position of the current row of a feed query ({@code change_xid} and {@code change_seq}). */
    public static ChangePosition of(ResultSet row) throws SQLException {
        return new ChangePosition(row.getLong("change_xid"), row.getLong("change_seq"));
    }

    /** The opaque cursor a client passes back to read what changed after this position. */
    public String cursor() {
        return CURSORS.encode(List.of(transaction, sequence));
    }

    /**
     * The position a cursor names; {@link #START} without one. A sequence-only cursor N of a feed from before ADR 0007
     * is the position (0, N): rows written before their feed was ordered by transaction carry transaction 0 and keep
     * their sequence, so the client goes on exactly where it was.
     */
    public static ChangePosition ofCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        List<String> parts = CURSORS.decode(cursor);
        if (parts.size() > 2 || !parts.stream().allMatch(part -> NUMBER.matcher(part).matches())) {
            throw CURSORS.notOurs();
        }
        try {
            return parts.size() == 2 ? new ChangePosition(Long.parseLong(parts.get(0)), Long.parseLong(parts.get(1)))
                    : new ChangePosition(0, Long.parseLong(parts.get(0)));
        } catch (NumberFormatException e) {
            throw CURSORS.notOurs(); // more than Long.MAX_VALUE: not a position this API wrote
        }
    }
}
