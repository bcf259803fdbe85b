package fr.artisanat.convention.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SirenTest {

    @Test
    void acceptsRealSirensOfTheFoundingAuthorities() {
        assertTrue(Siren.isValid("200068781"));
        assertTrue(Siren.isValid("241300268"));
        assertTrue(Siren.isValid("200054807"));
    }

    @Test
    void rejectsWrongCheckDigitsLengthsAndNonDigits() {
        assertFalse(Siren.isValid("200068782"));
        assertFalse(Siren.isValid("20006878"));
        assertFalse(Siren.isValid("2000687810"));
        assertFalse(Siren.isValid("20006878A"));
        assertFalse(Siren.isValid(null));
    }
}
