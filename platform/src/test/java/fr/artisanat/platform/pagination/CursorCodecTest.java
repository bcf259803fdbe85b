package fr.artisanat.platform.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Partners store cursors: the ones each list handed out before the codec was shared (written here as they were
 * served) still decode, and the codec writes the same ones again.
 */
class CursorCodecTest {

    private static final String UUID = "6f1c2a57-3d3e-4b8e-9a39-0d3b7d2c9f10";

    private final CursorCodec keyset = new CursorCodec('\u001f', CursorCodec.NOT_RETURNED);
    private final CursorCodec feed = new CursorCodec('.', "it is not a cursor of this changes feed");
    private final CursorCodec search = new CursorCodec('|', CursorCodec.NOT_RETURNED);

    @Test
    void cursorsHandedOutBeforeDecodeToTheirParts() {
        assertEquals(List.of("-startDate", "2015-10-20", UUID),
                keyset.decode("LXN0YXJ0RGF0ZR8yMDE1LTEwLTIwHzZmMWMyYTU3LTNkM2UtNGI4ZS05YTM5LTBkM2I3ZDJjOWYxMA"));
        assertEquals(List.of("name", "Ébénisterie Dupré", UUID),
                keyset.decode("bmFtZR_DiWLDqW5pc3RlcmllIER1cHLDqR82ZjFjMmE1Ny0zZDNlLTRiOGUtOWEzOS0wZDNiN2QyYzlmMTA"));
        assertEquals(List.of("745", "1234"), feed.decode("NzQ1LjEyMzQ"));
        assertEquals(List.of("7311"), feed.decode("NzMxMQ"), "a sequence-only cursor of a feed from before ADR 0007");
        assertEquals(List.of("1", "26281000000017"), search.decode("MXwyNjI4MTAwMDAwMDAxNw"));
        assertEquals(List.of("26281000000017"), search.decode("MjYyODEwMDAwMDAwMTc"));
    }

    @Test
    void theCodecWritesTheCursorsListsWroteBefore() {
        assertEquals("LXN0YXJ0RGF0ZR8yMDE1LTEwLTIwHzZmMWMyYTU3LTNkM2UtNGI4ZS05YTM5LTBkM2I3ZDJjOWYxMA",
                keyset.encode(List.of("-startDate", java.time.LocalDate.of(2015, 10, 20), java.util.UUID.fromString(UUID))));
        assertEquals("NzQ1LjEyMzQ", feed.encode(List.of(745L, 1234L)));
        assertEquals("MXwyNjI4MTAwMDAwMDAxNw", search.encode(List.of("1", "26281000000017")));
    }

    @Test
    void emptyPartsAreKeptForTheListToJudge() {
        assertEquals(List.of("12", ""), feed.decode(feed.encode(List.of("12", ""))));
    }

    @Test
    void whatIsNotBase64urlIsRefusedWithTheListsReason() {
        assertEquals("invalid cursor: it is not a cursor of this changes feed",
                assertThrows(InvalidCursor.class, () -> feed.decode("not base64!")).getMessage());
        assertEquals("invalid cursor: it is not a cursor this API returned",
                assertThrows(InvalidCursor.class, () -> search.decode("%%%")).getMessage());
    }
}
