package fr.artisanat.platform.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.problem.ApiException;

class KeysetTest {

    record Row(String id, String name) {
    }

    private final Keyset<Row> keyset = new Keyset<>(new SortField<>("id", "r.id", Row::id, s -> s), "name",
            new SortField<>("name", "r.name", Row::name, s -> s));

    @Test
    void firstPageHasNoConditionAndOrdersByTheSortThenTheId() {
        Keyset.Query<Row> query = keyset.query("-name", null);
        assertEquals("", query.where());
        assertEquals("r.name desc, r.id desc", query.orderBy());
    }

    @Test
    void nextPageStartsStrictlyAfterTheLastRowOfThePreviousOne() {
        Keyset.Query<Row> first = keyset.query(null, null);
        CursorPage<String> page = first.page(List.of(new Row("1", "a"), new Row("2", "b"), new Row("3", "c")), 2, Row::name);
        assertEquals(List.of("a", "b"), page.items());

        Keyset.Query<Row> second = keyset.query(null, page.next());
        assertEquals("((r.name > :ks0) or (r.name = :ks0 and r.id > :ks1))", second.where());
        assertEquals(Map.of("ks0", "b", "ks1", "2"), second.params());
    }

    @Test
    void aCursorHandedOutBeforeTheCodecWasSharedStillPages() {
        // sort -name after the row (name b, id 2), as Keyset wrote it: Base64url of the parts joined by U+001F
        assertEquals(Map.of("ks0", "b", "ks1", "2"), keyset.query("-name", "LW5hbWUfYh8y").params());
    }

    @Test
    void aFieldNamedAgainInTheSortCountsOnceAndKeepsTheCursorShort() {
        Keyset.Query<Row> repeated = keyset.query("name,-name,+name,name", null);
        assertEquals("r.name asc, r.id asc", repeated.orderBy());

        String next = repeated.page(List.of(new Row("1", "a"), new Row("2", "b")), 1, Row::name).next();
        assertEquals(keyset.query("name", null).page(List.of(new Row("1", "a"), new Row("2", "b")), 1, Row::name).next(), next);
        assertEquals(Map.of("ks0", "a", "ks1", "1"), keyset.query("name,name", next).params());
    }

    @Test
    void aCursorHandedOutWithThePlusSignStillPages() {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+name\u001fb\u001f2".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("ks0", "b", "ks1", "2"), keyset.query("name", cursor).params());
    }

    @Test
    void lastPageHasNoCursor() {
        assertNull(keyset.query(null, null).page(List.of(new Row("1", "a")), 2, Row::name).next());
    }

    @Test
    void rejectsUnknownSortFieldsAndForeignCursors() {
        ApiException unknown = assertThrows(ApiException.class, () -> keyset.query("salary", null));
        assertEquals(400, unknown.status());
        assertEquals("sort", unknown.errors().get(0).field());

        String cursorForAnotherSort = keyset.query("-name", null)
                .page(List.of(new Row("1", "a"), new Row("2", "b")), 1, Row::name).next();
        assertEquals("invalid cursor: it was made for another sort order",
                assertThrows(InvalidCursor.class, () -> keyset.query("name", cursorForAnotherSort)).getMessage());
        assertEquals("invalid cursor: it is not a cursor this API returned",
                assertThrows(InvalidCursor.class, () -> keyset.query(null, "not-a-cursor!")).getMessage());
    }
}
