package fr.artisanat.gateway.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One OpenAPI 3.1 document for the whole suite from the services' documents:
 * <ul>
 * <li>the paths each service serves through the gateway (its operations endpoints, not routed, stay out);</li>
 * <li>components under their names; a name two services define differently is prefixed with the service's name
 * (e.g. {@code ConventionServiceSummary}) and the service's references follow; what no path uses any more is left out;</li>
 * <li>each service's tags, described as the service's, grouped per service ({@code x-tagGroups});</li>
 * <li>the services' security requirements and the schemes they name (the same OAuth 2.0 realm for all);</li>
 * <li>the gateway as the one server.</li>
 * </ul>
 * The result is deterministic: services in name order, their paths in their order, components by name.
 */
final class DocumentMerge {

    private static final String COMPONENTS = "#/components/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One service's document and how the gateway routes it. */
    record ServiceDocument(String service, JsonNode document, BiPredicate<String, String> routed) {
    }

    private DocumentMerge() {
    }

    static ObjectNode merge(ObjectNode info, String serverUrl, List<ServiceDocument> services) {
        Map<String, Map<String, Map<String, JsonNode>>> definitions = new TreeMap<>();
        services.forEach(s -> s.document().path("components").properties().forEach(section ->
                section.getValue().properties().forEach(entry -> definitions.computeIfAbsent(section.getKey(), k -> new TreeMap<>())
                        .computeIfAbsent(entry.getKey(), k -> new TreeMap<>()).put(s.service(), entry.getValue()))));

        ObjectNode paths = JSON.objectNode();
        Map<String, Map<String, ObjectNode>> components = new TreeMap<>();
        ArrayNode tags = JSON.arrayNode();
        ArrayNode tagGroups = JSON.arrayNode();
        Set<String> operationIds = new HashSet<>();
        for (ServiceDocument service : services) {
            Map<String, String> renamed = renames(service.service(), definitions);
            JsonNode document = rewriteRefs(service.document(), renamed);
            document.path("paths").properties().forEach(path -> {
                if (service.routed().test(service.service(), path.getKey())) {
                    ObjectNode item = ((ObjectNode) path.getValue()).deepCopy();
                    item.properties().forEach(operation -> uniqueOperationId(operation.getValue(), service.service(), operationIds));
                    paths.set(path.getKey(), item);
                }
            });
            document.path("components").properties().forEach(section -> section.getValue().properties().forEach(entry -> {
                String name = renamed.getOrDefault(COMPONENTS + section.getKey() + "/" + entry.getKey(), entry.getKey());
                components.computeIfAbsent(section.getKey(), k -> new TreeMap<>()).putIfAbsent(name, (ObjectNode) entry.getValue());
            }));
            ArrayNode groupTags = JSON.arrayNode();
            Set<String> routedTags = usedTags(routedPaths(document, service));
            document.path("tags").forEach(tag -> {
                String name = tag.path("name").asText();
                if (!routedTags.contains(name)) {
                    return; // only on paths the gateway does not route (e.g. operations)
                }
                groupTags.add(name);
                String description = "(" + service.service() + ") " + tag.path("description").asText(name);
                ObjectNode known = tagNamed(tags, name);
                if (known == null) {
                    tags.add(((ObjectNode) tag).deepCopy().put("description", description));
                } else {
                    // a tag two services share (e.g. Data sharing) is listed once, with both descriptions
                    known.put("description", known.path("description").asText() + " " + description);
                }
            });
            tagGroups.add(JSON.objectNode().put("name", service.service()).set("tags", groupTags));
        }

        ArrayNode security = JSON.arrayNode();
        services.forEach(service -> service.document().path("security").forEach(requirement -> {
            if (!contains(security, requirement)) {
                security.add(requirement.deepCopy());
            }
        }));

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", "3.1.0");
        merged.set("info", info);
        merged.set("servers", JSON.arrayNode().add(JSON.objectNode().put("url", serverUrl)
                .put("description", "The gateway, the suite's one public entry point (production, or local under ./suite run)")
                .put("x-internal", false)));
        merged.set("security", security);
        merged.set("tags", tags);
        merged.set("x-tagGroups", tagGroups);
        merged.set("paths", paths);
        merged.set("components", used(paths, security, components));
        return merged;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode routedPaths(JsonNode document, ServiceDocument service) {
        ObjectNode routed = JSON.objectNode();
        document.path("paths").properties().forEach(path -> {
            if (service.routed().test(service.service(), path.getKey())) {
                routed.set(path.getKey(), path.getValue());
            }
        });
        return routed;
    }

    private static Set<String> usedTags(JsonNode paths) {
        Set<String> used = new HashSet<>();
        paths.forEach(item -> item.forEach(operation -> operation.path("tags").forEach(tag -> used.add(tag.asText()))));
        return used;
    }

    private static ObjectNode tagNamed(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return (ObjectNode) tag;
            }
        }
        return null;
    }

    /** The components of this service whose name another service defines differently: prefixed with the service. */
    private static Map<String, String> renames(String service, Map<String, Map<String, Map<String, JsonNode>>> definitions) {
        Map<String, String> renamed = new HashMap<>();
        String prefix = pascal(service);
        definitions.forEach((section, byName) -> byName.forEach((name, byService) -> {
            if (byService.containsKey(service) && new HashSet<>(byService.values()).size() > 1) {
                renamed.put(COMPONENTS + section + "/" + name, prefix + name);
            }
        }));
        return renamed;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(copy));
        while (!pending.isEmpty()) {
            JsonNode current = pending.pop();
            if (current instanceof ObjectNode object && object.path("$ref").isTextual()) {
                String ref = object.path("$ref").asText();
                String name = renamed.get(ref);
                if (name != null) {
                    object.set("$ref", TextNode.valueOf(ref.substring(0, ref.lastIndexOf('/') + 1) + name));
                }
            }
            current.forEach(pending::push);
        }
        return copy;
    }

    private static void uniqueOperationId(JsonNode operation, String service, Set<String> operationIds) {
        if (operation instanceof ObjectNode object && object.has("operationId")) {
            String id = object.path("operationId").asText();
            if (!operationIds.add(id)) {
                String prefixed = Character.toLowerCase(pascal(service).charAt(0)) + pascal(service).substring(1)
                        + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                object.put("operationId", prefixed);
                operationIds.add(prefixed);
            }
        }
    }

    /** The components the paths reach, directly or through other components, and the security schemes required. */
    private static ObjectNode used(ObjectNode paths, ArrayNode security, Map<String, Map<String, ObjectNode>> components) {
        Set<String> reached = new HashSet<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> reached.add("securitySchemes/" + scheme)));
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            JsonNode current = pending.pop();
            if (current.path("$ref").isTextual() && current.path("$ref").asText().startsWith(COMPONENTS)) {
                String[] parts = current.path("$ref").asText().substring(COMPONENTS.length()).split("/", 2);
                ObjectNode target = components.getOrDefault(parts[0], Map.of()).get(parts[1]);
                if (target != null && reached.add(parts[0] + "/" + parts[1])) {
                    pending.push(target);
                }
            }
            current.forEach(pending::push);
        }
        ObjectNode result = JSON.objectNode();
        components.forEach((section, byName) -> {
            ObjectNode kept = JSON.objectNode();
            byName.forEach((name, definition) -> {
                if (reached.contains(section + "/" + name)) {
                    kept.set(name, definition);
                }
            });
            if (!kept.isEmpty()) {
                result.set(section, kept);
            }
        });
        return result;
    }

    /** {@code convention-service} → {@code ConventionService}. */
    private static String pascal(String name) {
        StringBuilder result = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return result.toString();
    }
}
