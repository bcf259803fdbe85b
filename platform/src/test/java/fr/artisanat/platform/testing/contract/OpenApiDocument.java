package fr.artisanat.platform.testing.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The served OpenAPI 3.1 document, read as JSON: its operations and their schemas with local references resolved. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    OpenApiDocument(String json) {
        try {
            this.root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("the served OpenAPI document is not JSON", e);
        }
    }

    /** One operation: a method on a path template, with its parameters, request body and responses. */
    record Operation(String method, String path, String id, List<Parameter> parameters, Map<String, JsonNode> requestBodies,
            boolean bodyRequired, JsonNode responses) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }

        boolean changesState() {
            return !method.equals("get");
        }

        Set<String> documentedStatuses() {
            Set<String> statuses = new java.util.TreeSet<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            return statuses;
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> {
            JsonNode item = path.getValue();
            item.properties().stream().filter(e -> METHODS.contains(e.getKey())).forEach(e -> {
                JsonNode op = e.getValue();
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode p : concat(item.path("parameters"), op.path("parameters"))) {
                    JsonNode parameter = resolve(p);
                    String name = parameter.path("name").asText();
                    String in = parameter.path("in").asText();
                    parameters.put(in + ":" + name, new Parameter(name, in,
                            parameter.path("required").asBoolean(in.equals("path")), resolve(parameter.path("schema"))));
                }
                JsonNode body = resolve(op.path("requestBody"));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                body.path("content").properties().forEach(c -> bodies.put(c.getKey(), resolve(c.getValue().path("schema"))));
                operations.add(new Operation(e.getKey(), path.getKey(), op.path("operationId").asText(e.getKey() + " " + path.getKey()),
                        List.copyOf(parameters.values()), bodies, body.path("required").asBoolean(false), op.path("responses")));
            });
        });
        return operations;
    }

    /** The response object documented for a status, if any (exact code, then a range such as 4XX, then default). */
    Optional<JsonNode> response(Operation operation, int status) {
        JsonNode responses = operation.responses();
        for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(resolve(responses.get(key)));
            }
        }
        return Optional.empty();
    }

    /**
     * The schema with its local {@code $ref} replaced by the referenced schema; keywords beside the reference (allowed
     * by OpenAPI 3.1) are kept and win. {@code allOf} members are merged into one schema.
     */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return schema == null ? JsonNodeFactory.instance.objectNode() : schema;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (schema.has("$ref")) {
            merged.setAll((ObjectNode) resolve(pointer(schema.get("$ref").asText())));
        }
        for (JsonNode part : schema.path("allOf")) {
            merged.setAll((ObjectNode) resolve(part));
        }
        schema.properties().forEach(e -> {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("allOf")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return target;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        for (Iterator<JsonNode> it = first.elements(); it.hasNext();) {
            all.add(it.next());
        }
        for (Iterator<JsonNode> it = second.elements(); it.hasNext();) {
            all.add(it.next());
        }
        return all;
    }
}
