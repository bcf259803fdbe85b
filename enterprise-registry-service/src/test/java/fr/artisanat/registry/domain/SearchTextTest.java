package fr.artisanat.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Names fold to the same words whether they are plain ASCII (the fast path) or not. */
class SearchTextTest {

    @Test
    void asciiNamesFoldToLowerCaseWordsOfLettersAndDigits() {
        assertEquals(List.of("l", "atelier", "du", "bois"), SearchText.words("L'Atelier du Bois"));
        assertEquals(List.of("boulangerie", "du", "centre", "ville", "2"), SearchText.words("  BOULANGERIE  du Centre-Ville 2\t"));
        assertEquals(List.of("bois"), SearchText.words("Bois bois BOIS"));
        assertEquals(List.of(), SearchText.words("-- & --"));
    }

    @Test
    void otherNamesLoseTheirAccentsAndSpellLigaturesOut() {
        assertEquals(List.of("patisserie", "eclair", "oeuvre", "caesar"), SearchText.words("Pâtisserie Éclair Œuvre Cæsar"));
        assertEquals(List.of("strasse", "1"), SearchText.words("Straße 1"));
        assertEquals(List.of("atelier", "du", "bois"), SearchText.of("Atelier", "du Bois", null));
    }
}
