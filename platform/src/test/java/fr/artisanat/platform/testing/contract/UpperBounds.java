package fr.artisanat.platform.testing.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the strings and arrays of a request schema that have no upper bound. */
final class UpperBounds {

    /** Formats whose values have a fixed or bounded size; binary uploads are bounded by the 413 response instead. */
    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date", "date-time", "binary", "int32", "int64");

    private UpperBounds() {
    }

    static void find(OpenApiDocument document, RegexStrings regex, JsonNode schema, String where, List<String> unbounded) {
        find(document, regex, schema, where, unbounded, new HashSet<>());
    }

    private static void find(OpenApiDocument document, RegexStrings regex, JsonNode schema, String where,
            List<String> unbounded, Set<String> visiting) {
        String reference = schema.path("$ref").asText("");
        if (!reference.isEmpty() && !visiting.add(reference)) {
            return;
        }
        JsonNode resolved = document.resolve(schema);
        String type = resolved.path("type").isArray() ? resolved.path("type").get(0).asText() : resolved.path("type").asText("");
        if (resolved.has("properties")) {
            resolved.get("properties").properties().forEach(p ->
                    find(document, regex, p.getValue(), where + "." + p.getKey(), unbounded, visiting));
        } else if (type.equals("array") || resolved.has("items")) {
            if (!resolved.has("maxItems")) {
                unbounded.add(where + ": array without maxItems");
            }
            find(document, regex, resolved.path("items"), where + "[]", unbounded, visiting);
        } else if (type.equals("string") && !resolved.has("maxLength") && !resolved.has("enum")
                && !BOUNDED_FORMATS.contains(resolved.path("format").asText(""))
                && !(resolved.has("pattern") && regex.bounds(resolved.get("pattern").asText()))) {
            unbounded.add(where + ": string without maxLength");
        }
        if (!reference.isEmpty()) {
            visiting.remove(reference);
        }
    }
}
