package fr.artisanat.convention.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.artisanat.convention.domain.Convention;
import fr.artisanat.platform.pagination.Keyset;

/** The cursor the conventions list hands out fits the bound its {@code cursor} parameter declares. */
class ConventionCursorTest {

    @Test
    void theLongestCursorFitsTheDocumentedBound() {
        Convention longest = new Convention();
        longest.id = UUID.randomUUID();
        longest.reference = "R".repeat(60);
        // 300 characters of four bytes each in UTF-8, the worst a title can be
        longest.title = "\uD83D\uDE00".repeat(300);
        longest.startDate = LocalDate.of(2015, 1, 1);
        longest.endDate = LocalDate.of(2099, 12, 31);
        longest.createdAt = Instant.parse("2015-01-01T10:00:00.123456Z");
        String everyFieldDescending = "-startDate,-endDate,-reference,-title,-createdAt";

        String next = ConventionResource.KEYSET.query(everyFieldDescending + ",-title", null)
                .page(List.of(longest, longest), 1, c -> c.id).next();

        assertTrue(next.length() <= Keyset.MAX_CURSOR_LENGTH, next.length() + " characters");
    }
}
