package fr.artisanat.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Layers point one way: the HTTP API ({@code api}) may use the others, none of them the API. A service's test extends
 * this class; the rules read its main sources ({@link LayerReferences}).
 */
public abstract class LayeringContract {

    /** The service's root package, e.g. {@code fr.artisanat.convention}. */
    protected abstract String rootPackage();

    /**
     * Repository files that still name the API, until they return read models of their own: the list may only
     * shrink. A file that no longer names the API must leave it, and a new one fails.
     */
    protected List<String> repositoriesKnownToNameTheApi() {
        return List.of();
    }

    private List<String> filesOf(String layer) {
        return LayerReferences.ofModule(rootPackage()).filesOf(layer, "api");
    }

    @Test
    void eventsAreNotBuiltFromTheApi() {
        assertEquals(List.of(), filesOf("messaging"));
    }

    @Test
    void theDomainDoesNotKnowTheApi() {
        assertEquals(List.of(), filesOf("domain"));
    }

    @Test
    void repositoriesNameTheApiOnlyWhereAlreadyKnown() {
        assertEquals(repositoriesKnownToNameTheApi(), filesOf("repository"));
    }
}
