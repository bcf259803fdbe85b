package fr.artisanat.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code @Size} counts a String's characters as the documents' maxLength does; collections still count elements. */
@QuarkusTest
class CharacterCountingTest {

    /** Four characters, eight UTF-16 units: outside the Basic Multilingual Plane. */
    private static final String FOUR_EMOJI = "\uD83C\uDFA8\uD83E\uDDF5\uD83E\uDE9A\uD83D\uDD28";

    record Named(@Size(min = 2, max = 4) String name, @Size(max = 2) List<String> tags) {
    }

    @Inject
    Validator validator;

    @Test
    void aStringOfTheMaximumLengthInCharactersIsValidWhateverItsUtf16Length() {
        assertEquals(8, FOUR_EMOJI.length());
        assertEquals(0, validator.validate(new Named(FOUR_EMOJI, List.of())).size());
        assertEquals(0, validator.validate(new Named("Aé", List.of())).size());
    }

    @Test
    void theBoundsStillHoldInCharacters() {
        assertEquals(1, validator.validate(new Named(FOUR_EMOJI + "a", List.of())).size());
        assertEquals(1, validator.validate(new Named("\uD83C\uDFA8", List.of())).size());
        assertEquals(0, validator.validate(new Named(null, List.of())).size());
    }

    @Test
    void collectionsKeepTheirOwnValidator() {
        assertEquals(1, validator.validate(new Named("abc", List.of("a", "b", "c"))).size());
    }
}
