package fr.artisanat.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.LayerReferences;

/** Layers point one way: the HTTP API may use the others, none of them the API. */
class LayeringTest {

    private final LayerReferences sources = LayerReferences.ofModule("fr.artisanat.convention");

    @Test
    void eventsAreNotBuiltFromTheApi() {
        assertEquals(List.of(), sources.filesOf("messaging", "api"));
    }

    @Test
    void theDomainAndTheRepositoriesDoNotKnowTheApi() {
        assertEquals(List.of(), sources.filesOf("domain", "api"));
        assertEquals(List.of(), sources.filesOf("repository", "api"));
    }
}
