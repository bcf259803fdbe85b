package fr.artisanat.platform.changes;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.artisanat.platform.web.QueryParams;

/**
 * Where a change sits in a changes feed: the id of the transaction that wrote it ({@code change_xid}, PostgreSQL's
 * xid8), then its order among that transaction's writes ({@code change_seq}). A cursor is the position of the last
 * change a client has seen (docs/adr/0007-commit-ordered-changes-feed.md).
 */
public record ChangePosition(long transaction, long sequence) {

    /** Before every change. */
    public static final ChangePosition START = new ChangePosition(0, 0);

    private static final Pattern POSITION = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");
    /** A cursor of a feed ordered by its sequence alone, as feeds were before ADR 0007. */
    private static final Pattern SEQUENCE_ONLY = Pattern.compile("\\d{1,19}");

    /** Reads the position of the current row of a feed query ({@code change_xid} and {@code change_seq}). */
    public static ChangePosition of(ResultSet row) throws SQLException {
        return new ChangePosition(row.getLong("change_xid"), row.getLong("change_seq"));
    }

    /** The opaque cursor a client passes back to read what changed after this position. */
    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((transaction + "." + sequence).getBytes(StandardCharsets.UTF_8));
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
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        try {
            Matcher position = POSITION.matcher(decoded);
            if (position.matches()) {
                return new ChangePosition(Long.parseLong(position.group(1)), Long.parseLong(position.group(2)));
            }
            if (SEQUENCE_ONLY.matcher(decoded).matches()) {
                return new ChangePosition(0, Long.parseLong(decoded));
            }
        } catch (NumberFormatException e) {
            // more than Long.MAX_VALUE: not a position this API wrote
        }
        throw invalid();
    }

    private static RuntimeException invalid() {
        return QueryParams.invalid("cursor", "invalid cursor: it is not a cursor of this changes feed");
    }
}
