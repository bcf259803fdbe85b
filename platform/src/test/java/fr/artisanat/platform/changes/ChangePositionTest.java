package fr.artisanat.platform.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.pagination.InvalidCursor;

class ChangePositionTest {

    private static String encoded(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorNamesThePositionItWasMadeFrom() {
        ChangePosition position = new ChangePosition(1_234_567_890_123L, 42);
        assertEquals(position, ChangePosition.ofCursor(position.cursor()));
    }

    @Test
    void noCursorIsTheStart() {
        assertEquals(ChangePosition.START, ChangePosition.ofCursor(null));
        assertEquals(ChangePosition.START, ChangePosition.ofCursor(" "));
    }

    @Test
    void aCursorOfTheSequenceOrderedFeedIsItsSequenceUnderTransactionZero() {
        assertEquals(new ChangePosition(0, 7311), ChangePosition.ofCursor(encoded("7311")));
    }

    @Test
    void anythingElseIsRefusedAsNotACursorOfTheFeed() {
        for (String cursor : List.of("not base64!", encoded("nope"), encoded("1.2.3"), encoded("-1.2"), encoded("12."),
                encoded("99999999999999999999.1"), encoded("1|2"))) {
            InvalidCursor rejected = assertThrows(InvalidCursor.class, () -> ChangePosition.ofCursor(cursor), cursor);
            assertEquals("invalid cursor: it is not a cursor of this changes feed", rejected.getMessage());
        }
    }
}
