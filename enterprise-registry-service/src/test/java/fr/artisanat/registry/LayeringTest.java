package fr.artisanat.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.LayerReferences;

/** Layers point one way: the HTTP API may use the others, none of them the API. */
class LayeringTest {

    private final LayerReferences sources = LayerReferences.ofModule("fr.artisanat.registry");

    @Test
    void eventsAreNotBuiltFromTheApi() {
        assertEquals(List.of(), sources.filesOf("messaging", "api"));
    }

    @Test
    void theDomainDoesNotKnowTheApi() {
        assertEquals(List.of(), sources.filesOf("domain", "api"));
    }

    /**
     * Known exceptions, to be removed by the layering work of issue 8 (repositories returning read models of their
     * own): the list may only shrink. A file that no longer names the API must leave it; a new one fails.
     */
    @Test
    void repositoriesNameTheApiOnlyWhereAlreadyKnown() {
        assertEquals(List.of("repository/EstablishmentQueries.java", "repository/StatisticsQueries.java"),
                sources.filesOf("repository", "api"));
    }
}
