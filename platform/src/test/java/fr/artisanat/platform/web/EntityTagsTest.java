package fr.artisanat.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.problem.ApiException;

class EntityTagsTest {

    @Test
    void missingIfMatchIs428AndStaleIs412() {
        assertEquals(428, assertThrows(ApiException.class, () -> EntityTags.requireMatch(null, 3)).status());
        assertEquals(412, assertThrows(ApiException.class, () -> EntityTags.requireMatch("\"2\"", 3)).status());
    }

    @Test
    void currentVersionMatchesStrongWeakOrInAList() {
        assertDoesNotThrow(() -> EntityTags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.requireMatch("\"1\", \"3\"", 3));
    }

    @Test
    void optionalCheckIgnoresAnAbsentHeader() {
        assertDoesNotThrow(() -> EntityTags.checkMatch(null, 3));
        assertEquals(412, assertThrows(ApiException.class, () -> EntityTags.checkMatch("\"4\"", 3)).status());
    }
}
