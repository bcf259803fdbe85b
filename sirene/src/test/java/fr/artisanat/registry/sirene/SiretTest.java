package fr.artisanat.registry.sirene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void sirenNeedsNineDigitsWithALuhnKey() {
        assertTrue(Siret.isValidSiren("732829320"));
        assertTrue(Siret.isValidSiren("356000000"));
        assertFalse(Siret.isValidSiren("732829321"));
        assertFalse(Siret.isValidSiren("73282932"));
        assertFalse(Siret.isValidSiren("7328293200"));
        assertFalse(Siret.isValidSiren("73282932A"));
        assertFalse(Siret.isValidSiren(" 732829320"));
        assertFalse(Siret.isValidSiren(""));
        assertFalse(Siret.isValidSiren(null));
    }

    @Test
    void siretNeedsFourteenDigitsWithALuhnKey() {
        assertTrue(Siret.isValidSiret("73282932000074"));
        assertFalse(Siret.isValidSiret("73282932000075"));
        assertFalse(Siret.isValidSiret("7328293200007"));
        assertFalse(Siret.isValidSiret("732829320000740"));
        assertFalse(Siret.isValidSiret("732829320OOO74"));
        assertFalse(Siret.isValidSiret("732 829 320 00074"));
        assertFalse(Siret.isValidSiret(null));
    }

    @Test
    void laPosteEstablishmentsAreValidWhenTheirDigitsAddUpToAMultipleOfFive() {
        // 3+5+6+1 = 15, while Luhn would want another key.
        assertTrue(Siret.isValidSiret("35600000000001"));
        assertNotEquals("35600000000001", Siret.withLuhnCheckDigit("3560000000000"));
        assertTrue(Siret.isValidSiret("35600000012346"));
        // Sum 16: fails the rule.
        assertFalse(Siret.isValidSiret("35600000000002"));
        // Luhn-valid but sum 19: La Poste numbers are not checked with Luhn.
        assertEquals("35600000000014", Siret.withLuhnCheckDigit("3560000000001"));
        assertFalse(Siret.isValidSiret("35600000000014"));
    }

    @Test
    void theHeadOfficeOfLaPosteKeepsItsLuhnKey() {
        assertTrue(Siret.isValidSiret("35600000000048"));
    }

    @Test
    void luhnKeyCompletesThirteenDigitsIntoAValidSiret() {
        assertEquals("73282932000074", Siret.withLuhnCheckDigit("7328293200007"));
        Random random = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            String digits = String.format("%09d%04d", 100_000_000 + random.nextInt(800_000_000), random.nextInt(10_000));
            String siret = Siret.withLuhnCheckDigit(digits);
            assertTrue(siret.startsWith(digits));
            assertTrue(Siret.isValidSiret(siret), siret);
        }
    }

    @Test
    void luhnKeyNeedsExactlyThirteenDigits() {
        assertThrows(IllegalArgumentException.class, () -> Siret.withLuhnCheckDigit("732829320000"));
        assertThrows(IllegalArgumentException.class, () -> Siret.withLuhnCheckDigit("73282932000074"));
        assertThrows(IllegalArgumentException.class, () -> Siret.withLuhnCheckDigit("732829320000A"));
        assertThrows(IllegalArgumentException.class, () -> Siret.withLuhnCheckDigit(null));
    }
}
