package fr.artisanat.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.failure.StaleVersion;
import fr.artisanat.platform.failure.VersionRequired;

class EntityTagsTest {

    @Test
    void missingIfMatchIsRequiredAndStaleIsRefused() {
        assertThrows(VersionRequired.class, () -> EntityTags.expected(null).require(3));
        assertThrows(VersionRequired.class, () -> EntityTags.expected(" ").require(3));
        assertEquals(3, assertThrows(StaleVersion.class, () -> EntityTags.expected("\"2\"").require(3)).current());
    }

    @Test
    void currentVersionMatchesStrongWeakOrInAList() {
        assertDoesNotThrow(() -> EntityTags.expected("\"3\"").require(3));
        assertDoesNotThrow(() -> EntityTags.expected("W/\"3\"").require(3));
        assertDoesNotThrow(() -> EntityTags.expected("\"1\", \"3\"").require(3));
        assertDoesNotThrow(() -> EntityTags.expected(" * ").require(3));
    }

    @Test
    void tagsThisApiNeverWroteMatchNothing() {
        for (String foreign : new String[] { "3", "\"03\"", "\"abc\"", "\"99999999999999999999\"", "W/3" }) {
            assertThrows(StaleVersion.class, () -> EntityTags.expected(foreign).require(3), foreign);
        }
    }

    @Test
    void optionalCheckIgnoresAnAbsentHeader() {
        assertDoesNotThrow(() -> EntityTags.expected(null).check(3));
        assertThrows(StaleVersion.class, () -> EntityTags.expected("\"4\"").check(3));
    }
}
