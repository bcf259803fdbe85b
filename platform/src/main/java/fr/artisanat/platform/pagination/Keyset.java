package fr.artisanat.platform.pagination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.web.QueryParams;

/**
 * Keyset (cursor) pagination over any sortable fields: the cursor holds the sort and the last row's sort values,
 * and the next page is the rows strictly after them. Stable under inserts, and the cost does not grow with depth.
 */
public final class Keyset<E> {

    /**
     * The longest cursor a list hands out, for its {@code cursor} parameter's bound. A cursor holds the sort and one
     * value per sortable field (a field named twice in {@code sort=} counts once), so 2048 leaves room for a 300-character
     * title in any script next to the other values of the longest sort of the suite.
     */
    public static final int MAX_CURSOR_LENGTH = 2048;

    /** A cursor is the sort then the last row's sort values. */
    private static final CursorCodec CURSORS = new CursorCodec('\u001f', CursorCodec.NOT_RETURNED);

    private final Map<String, SortField<E>> fields;
    private final SortField<E> tieBreaker;
    private final String defaultSort;

    /**
     * @param fields      the sortable fields
     * @param tieBreaker  a unique field appended to every sort (the id)
     * @param defaultSort the sort when the client gives none, e.g. {@code -startDate}
     */
    @SafeVarargs
    public Keyset(SortField<E> tieBreaker, String defaultSort, SortField<E>... fields) {
        this.fields = new LinkedHashMap<>();
        for (SortField<E> field : fields) {
            this.fields.put(field.name(), field);
        }
        this.tieBreaker = tieBreaker;
        this.defaultSort = defaultSort;
    }

    /** A query for one page: append {@link Query#where()} to the filters, then order by {@link Query#orderBy()}. */
    public Query<E> query(String sort, String cursor) {
        List<Term<E>> terms = parse(sort == null || sort.isBlank() ? defaultSort : sort.replace(" ", ""));
        String normalizedSort = sortOf(terms);
        if (cursor == null || cursor.isBlank()) {
            return new Query<>(normalizedSort, terms, "", Map.of());
        }
        List<String> values = decode(cursor, normalizedSort, terms.size());
        StringBuilder where = new StringBuilder("(");
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                where.append(" or ");
            }
            where.append('(');
            for (int j = 0; j < i; j++) {
                where.append(terms.get(j).field().path()).append(" = :ks").append(j).append(" and ");
            }
            Term<E> term = terms.get(i);
            where.append(term.field().path()).append(term.descending() ? " < :ks" : " > :ks").append(i).append(')');
            params.put("ks" + i, parseValue(term.field(), values.get(i)));
        }
        where.append(')');
        return new Query<>(normalizedSort, terms, where.toString(), params);
    }

    /**
     * The sort's terms then the tie-breaker. A field named again is dropped: rows equal on it the first time are equal
     * the second time too, so the order is the same and the cursor stays bounded by the number of fields.
     */
    private List<Term<E>> parse(String sort) {
        Map<String, Term<E>> terms = new LinkedHashMap<>();
        for (String part : sort.split(",")) {
            boolean descending = part.startsWith("-");
            String name = descending || part.startsWith("+") ? part.substring(1) : part;
            SortField<E> field = fields.get(name);
            if (field == null) {
                throw QueryParams.invalid("sort", "unknown field '" + name + "'; sortable fields are " + fields.keySet());
            }
            terms.putIfAbsent(name, new Term<>(field, descending));
        }
        List<Term<E>> withTieBreaker = new ArrayList<>(terms.values());
        withTieBreaker.add(new Term<>(tieBreaker, withTieBreaker.get(withTieBreaker.size() - 1).descending()));
        return withTieBreaker;
    }

    /** The sort as a cursor holds it: each field once, {@code -} for descending, without the tie-breaker. */
    private static <E> String sortOf(List<Term<E>> terms) {
        return terms.subList(0, terms.size() - 1).stream()
                .map(term -> (term.descending() ? "-" : "") + term.field().name())
                .collect(Collectors.joining(","));
    }

    private List<String> decode(String cursor, String sort, int size) {
        List<String> parts = CURSORS.decode(cursor);
        if (parts.size() != size + 1 || !sort.equals(sortOfCursor(parts.get(0)))) {
            throw new InvalidCursor("it was made for another sort order");
        }
        return parts.subList(1, parts.size());
    }

    /** A cursor's sort in today's form (cursors handed out before held it as the client wrote it, e.g. {@code +name}). */
    private String sortOfCursor(String sort) {
        try {
            return sortOf(parse(sort));
        } catch (ApiException e) {
            throw CURSORS.notOurs();
        }
    }

    private Object parseValue(SortField<E> field, String value) {
        try {
            return field.parser().apply(value);
        } catch (RuntimeException e) {
            throw CURSORS.notOurs();
        }
    }

    public record Term<E>(SortField<E> field, boolean descending) {
    }

    /** The pieces of one page query, built from the sort and the cursor. */
    public record Query<E>(String sort, List<Term<E>> terms, String where, Map<String, Object> params) {

        public String orderBy() {
            return terms.stream()
                    .map(t -> t.field().path() + (t.descending() ? " desc" : " asc"))
                    .collect(Collectors.joining(", "));
        }

        /** Cuts the {@code limit + 1} rows fetched into a page, with the cursor after the last row kept. */
        public <R> CursorPage<R> page(List<E> rows, int limit, Function<E, R> mapper) {
            boolean more = rows.size() > limit;
            List<E> kept = more ? rows.subList(0, limit) : rows;
            String next = more ? cursorAfter(kept.get(kept.size() - 1)) : null;
            return new CursorPage<>(kept.stream().map(mapper).toList(), next);
        }

        private String cursorAfter(E last) {
            List<Object> position = new ArrayList<>(List.of(sort));
            terms.forEach(term -> position.add(term.field().getter().apply(last)));
            return CURSORS.encode(position);
        }
    }
}
