package fr.artisanat.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Layers point one way: the HTTP API ({@code api}) may use the others, none of them the API. Events are built from the
 * domain, repositories return read models of their own, use cases (services, importers) take commands of their own
 * and refuse them with domain failures ({@code fr.artisanat.platform.failure}), never with HTTP problems. A service's
 * test extends this class; the rules read its main sources ({@link LayerReferences}).
 */
public abstract class LayeringContract {

    /**
     * What only the API names: problem+json and its exception, If-Match, the parsing of query parameters, and the token
     * (use cases and queries get the caller as {@code fr.artisanat.platform.security.Caller}, docs/adr/0014).
     */
    static final List<String> HTTP_ONLY = List.of("fr.artisanat.platform.problem.", "fr.artisanat.platform.web.EntityTags",
            "fr.artisanat.platform.web.QueryParams", "org.eclipse.microprofile.jwt.", "io.quarkus.oidc.",
            "io.quarkus.security.identity.");

    /** The service's root package, e.g. {@code fr.artisanat.convention}. */
    protected abstract String rootPackage();

    /** Each layer but the API whose files {@code offenders} finds, with those files. */
    private Map<String, List<String>> outsideTheApi(Function<String, List<String>> offenders) {
        List<String> layers = LayerReferences.ofModule(rootPackage()).layers();
        assertTrue(layers.contains("api"), "no api package under " + rootPackage() + " in src/main/java: " + layers);
        Map<String, List<String>> found = new TreeMap<>();
        layers.stream().filter(layer -> !layer.equals("api")).forEach(layer -> {
            List<String> files = offenders.apply(layer);
            if (!files.isEmpty()) {
                found.put(layer, files);
            }
        });
        return found;
    }

    @Test
    void onlyTheApiNamesTheApi() {
        LayerReferences sources = LayerReferences.ofModule(rootPackage());
        assertEquals(Map.of(), outsideTheApi(layer -> sources.filesOf(layer, "api")),
                "events, domain, repositories, services and importers use types of their own, not the API's");
    }

    @Test
    void onlyTheApiSpeaksHttp() {
        LayerReferences sources = LayerReferences.ofModule(rootPackage());
        assertEquals(Map.of(), outsideTheApi(layer -> HTTP_ONLY.stream()
                .flatMap(http -> sources.filesNaming(layer, http).stream()).distinct().sorted().toList()),
                "outside the API, refusals are domain failures (fr.artisanat.platform.failure), versions ExpectedVersion "
                        + "and the caller a Caller");
    }
}
