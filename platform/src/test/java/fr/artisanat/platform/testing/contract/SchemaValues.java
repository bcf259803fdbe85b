package fr.artisanat.platform.testing.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a JSON Schema (OpenAPI 3.1 dialect): valid ones that satisfy every keyword (type, enum, format, pattern,
 * lengths, bounds, item counts, required and additional properties), biased towards the limits, and invalid ones
 * that break exactly one keyword. Names of fields and parameters are used only to reuse values the API returned
 * (ids of existing resources), so that valid requests reach real objects.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Strings and arrays without an upper bound are generated up to this size (and flagged by the test). */
    static final int UNBOUNDED = 300;
    private static final int MAX_DEPTH = 6;
    private static final int[] BEYOND_THE_BASIC_PLANE = {0x1F3A8, 0x1F9F5, 0x1FA9A, 0x1D11E, 0x20000};

    /** Values the API returned, by field or parameter name. */
    interface KnownValues {
        /** {@code identifier}: the value designates a resource (a uuid), not a mere filter value. */
        Optional<String> pick(Random random, String name, boolean identifier, Predicate<String> acceptable);
    }

    /** An invalid value and the rule it breaks, e.g. {@code parties.authorityIds: more than maxItems 10}. */
    record Violation(String rule, JsonNode value) {
        Violation at(String field) {
            return new Violation(field + ": " + rule, value);
        }
    }

    private final OpenApiDocument document;
    private final Random random;
    private final RegexStrings regex;
    private final KnownValues known;

    SchemaValues(OpenApiDocument document, Random random, RegexStrings regex, KnownValues known) {
        this.document = document;
        this.random = random;
        this.regex = regex;
        this.known = known;
    }

    // ---------------------------------------------------------------- what a schema says

    Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        if (types.isEmpty() || types.equals(Set.of("null"))) {
            if (schema.has("properties")) {
                types.add("object");
            } else if (schema.has("items")) {
                types.add("array");
            } else if (schema.has("enum")) {
                schema.get("enum").forEach(v -> types.add(v.isTextual() ? "string" : v.isNumber() ? "number" : "boolean"));
            }
        }
        return types;
    }

    /** The non-null alternative of a {@code oneOf}/{@code anyOf} (how nullable references are often written). */
    private JsonNode alternative(JsonNode schema, boolean nullAllowed) {
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                List<JsonNode> options = new ArrayList<>();
                schema.get(combinator).forEach(o -> options.add(document.resolve(o)));
                List<JsonNode> nonNull = options.stream().filter(o -> !types(o).equals(Set.of("null"))).toList();
                return nonNull.isEmpty() || (nullAllowed && random.nextInt(10) == 0) ? JSON.objectNode().put("type", "null")
                        : nonNull.get(random.nextInt(nonNull.size()));
            }
        }
        return schema;
    }

    private String mainType(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>(types(schema));
        types.remove("null");
        return types.isEmpty() ? "string" : types.iterator().next();
    }

    private static int minLength(JsonNode schema) {
        return schema.path("minLength").asInt(0);
    }

    private static int maxLength(JsonNode schema) {
        return schema.has("maxLength") ? schema.get("maxLength").asInt() : Math.max(UNBOUNDED, minLength(schema));
    }

    /** True when the value satisfies the keywords this class generates for (used to reuse returned values). */
    boolean accepts(JsonNode schema, String value) {
        schema = document.resolve(schema);
        String type = mainType(schema);
        if (schema.has("enum")) {
            for (JsonNode v : schema.get("enum")) {
                if (v.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (!type.equals("string")) {
            return false;
        }
        int length = value.codePointCount(0, value.length());
        return length >= minLength(schema) && length <= maxLength(schema)
                && (!schema.has("pattern") || RegexStrings.accepts(schema.get("pattern").asText(), value))
                && formatAccepts(schema.path("format").asText(""), value);
    }

    private static boolean formatAccepts(String format, String value) {
        try {
            switch (format) {
                case "uuid" -> UUID.fromString(value);
                case "date" -> LocalDate.parse(value);
                case "date-time" -> Instant.parse(value);
                default -> {
                }
            }
            return !format.equals("uuid") || value.length() == 36;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- valid values

    /** A value the schema accepts; {@code name} is the field or parameter it is for. */
    JsonNode valid(JsonNode schema, String name) {
        return valid(schema, name, 0);
    }

    private JsonNode valid(JsonNode schema, String name, int depth) {
        schema = alternative(document.resolve(schema), true);
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        return switch (mainType(schema)) {
            case "object" -> validObject(schema, depth);
            case "array" -> validArray(schema, name, depth);
            case "integer" -> JSON.numberNode(validInteger(schema));
            case "number" -> JSON.numberNode(BigDecimal.valueOf(validInteger(schema)).add(new BigDecimal("0.25")).min(upper(schema)));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "null" -> JSON.nullNode();
            default -> JSON.textNode(validString(schema, name));
        };
    }

    private ObjectNode validObject(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        boolean all = random.nextInt(4) == 0;
        schema.path("properties").properties().forEach(p -> {
            JsonNode property = document.resolve(p.getValue());
            if (property.path("readOnly").asBoolean(false)) {
                return;
            }
            if (required.contains(p.getKey()) || (depth < MAX_DEPTH && (all || random.nextBoolean()))) {
                object.set(p.getKey(), valid(property, p.getKey(), depth + 1));
            }
        });
        if (allowsAdditionalProperties(schema) && random.nextInt(4) == 0) {
            object.put("unexpectedProperty" + random.nextInt(100), "value");
        }
        return object;
    }

    /** JSON Schema accepts properties it does not list unless {@code additionalProperties} is false. */
    static boolean allowsAdditionalProperties(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        return !(additional.isBoolean() && !additional.asBoolean());
    }

    private ArrayNode validArray(JsonNode schema, String name, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : Math.max(min, 5);
        int roll = random.nextInt(10);
        int size = roll == 0 ? max : roll == 1 ? min : min + random.nextInt(Math.min(max - min, 3) + 1);
        ArrayNode array = JSON.arrayNode();
        JsonNode items = schema.path("items");
        for (int i = 0; i < size; i++) {
            array.add(depth < MAX_DEPTH || min > i ? valid(items, name, depth + 1) : JSON.textNode(""));
        }
        return array;
    }

    private String validString(JsonNode schema, String name) {
        Optional<String> reused = random.nextInt(10) < 7
                ? known.pick(random, name, schema.path("format").asText("").equals("uuid"), v -> accepts(schema, v)) : Optional.empty();
        if (reused.isPresent()) {
            return reused.get();
        }
        String format = schema.path("format").asText("");
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> LocalDate.now().plusDays(random.nextInt(10) == 0 ? random.nextInt(40_000) - 20_000 : random.nextInt(1500) - 750).toString();
            case "date-time" -> Instant.now().minusSeconds(random.nextInt(100_000_000)).toString();
            default -> null;
        };
        if (value != null) {
            return value;
        }
        String pattern = schema.has("pattern") ? schema.get("pattern").asText() : null;
        if (pattern == null && random.nextInt(8) == 0) {
            return beyondTheBasicPlane(minLength(schema), maxLength(schema));
        }
        return regex.matching(random, pattern, minLength(schema), maxLength(schema))
                .orElseThrow(() -> new IllegalStateException("no string satisfies " + schema));
    }

    /**
     * Characters of two UTF-16 units each (emoji, a musical symbol, a rare ideograph), as many as the bounds allow,
     * often the most: lengths in the documents count characters, a server that counts units refuses valid strings.
     */
    private String beyondTheBasicPlane(int minLength, int maxLength) {
        int length = random.nextBoolean() ? maxLength : minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.appendCodePoint(BEYOND_THE_BASIC_PLANE[random.nextInt(BEYOND_THE_BASIC_PLANE.length)]);
        }
        return value.toString();
    }

    private long validInteger(JsonNode schema) {
        BigDecimal low = lower(schema);
        BigDecimal high = upper(schema);
        int roll = random.nextInt(10);
        BigDecimal value = roll == 0 ? low : roll == 1 ? high
                : low.max(BigDecimal.ZERO).add(BigDecimal.valueOf(random.nextInt(100))).min(high);
        return value.longValueExact();
    }

    private static BigDecimal lower(JsonNode schema) {
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            return schema.get("exclusiveMinimum").decimalValue().add(BigDecimal.ONE);
        }
        if (schema.has("minimum")) {
            return schema.get("minimum").decimalValue();
        }
        return BigDecimal.valueOf(schema.path("format").asText().equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE);
    }

    private static BigDecimal upper(JsonNode schema) {
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            return schema.get("exclusiveMaximum").decimalValue().subtract(BigDecimal.ONE);
        }
        if (schema.has("maximum")) {
            return schema.get("maximum").decimalValue();
        }
        return BigDecimal.valueOf(schema.path("format").asText().equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE);
    }

    // ---------------------------------------------------------------- invalid values

    /** Values that break one keyword of the schema each, the rest being valid. */
    List<Violation> violations(JsonNode schema, String name) {
        return violations(schema, name, 0);
    }

    private List<Violation> violations(JsonNode schema, String name, int depth) {
        schema = document.resolve(schema);
        List<Violation> violations = new ArrayList<>();
        if (types(schema).contains("null") || depth > MAX_DEPTH) {
            return violations;
        }
        schema = alternative(schema, false);
        if (schema.has("enum")) {
            violations.add(new Violation("not one of the enum values", JSON.textNode("NOT_AN_ENUM_VALUE")));
            violations.add(new Violation("a number instead of an enum value", JSON.numberNode(0)));
            return violations;
        }
        String type = mainType(schema);
        switch (type) {
            // The wrong type that looks right: what a lenient parser would quietly convert.
            case "integer", "number" -> violations.add(new Violation("a string instead of a " + type, JSON.textNode("12")));
            case "boolean" -> violations.add(new Violation("a string instead of a boolean", JSON.textNode("true")));
            case "object", "array" -> violations.add(new Violation("not of type " + type, JSON.textNode("not-a-" + type)));
            default -> {
            }
        }
        switch (type) {
            case "object" -> violations.addAll(objectViolations(schema, depth));
            case "array" -> violations.addAll(arrayViolations(schema, name, depth));
            case "integer", "number" -> violations.addAll(numberViolations(schema, type));
            case "string" -> violations.addAll(stringViolations(schema));
            default -> {
            }
        }
        return violations;
    }

    private List<Violation> objectViolations(JsonNode schema, int depth) {
        List<Violation> violations = new ArrayList<>();
        ObjectNode base = validObject(schema, depth);
        schema.path("required").forEach(r -> {
            ObjectNode missing = base.deepCopy();
            missing.remove(r.asText());
            violations.add(new Violation(r.asText() + ": required but missing", missing));
            ObjectNode nulled = base.deepCopy();
            nulled.putNull(r.asText());
            violations.add(new Violation(r.asText() + ": required but null", nulled));
        });
        schema.path("properties").properties().forEach(p -> {
            for (Violation v : violations(p.getValue(), p.getKey(), depth + 1)) {
                ObjectNode invalid = base.deepCopy();
                invalid.set(p.getKey(), v.value());
                violations.add(new Violation(v.rule(), invalid).at(p.getKey()));
            }
        });
        if (!allowsAdditionalProperties(schema)) {
            ObjectNode extra = base.deepCopy();
            extra.put("unknownProperty", "value");
            violations.add(new Violation("property not in the schema (additionalProperties is false)", extra));
        }
        return violations;
    }

    private List<Violation> arrayViolations(JsonNode schema, String name, int depth) {
        List<Violation> violations = new ArrayList<>();
        JsonNode items = schema.path("items");
        int min = schema.path("minItems").asInt(0);
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            ArrayNode tooMany = JSON.arrayNode();
            for (int i = 0; i <= max; i++) {
                tooMany.add(valid(items, name, depth + 1));
            }
            violations.add(new Violation("more than maxItems " + max, tooMany));
        }
        if (min > 0) {
            ArrayNode tooFew = JSON.arrayNode();
            for (int i = 0; i < min - 1; i++) {
                tooFew.add(valid(items, name, depth + 1));
            }
            violations.add(new Violation("fewer than minItems " + min, tooFew));
        }
        for (Violation item : violations(items, name, depth + 1)) {
            ArrayNode array = JSON.arrayNode();
            array.add(item.value());
            for (int i = 1; i < Math.max(min, 1); i++) {
                array.add(valid(items, name, depth + 1));
            }
            violations.add(new Violation(item.rule(), array).at("[0]"));
        }
        return violations;
    }

    private List<Violation> numberViolations(JsonNode schema, String type) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal low = lower(schema);
        BigDecimal high = upper(schema);
        violations.add(new Violation("below the minimum " + low, JSON.numberNode(low.subtract(BigDecimal.ONE))));
        violations.add(new Violation("above the maximum " + high, JSON.numberNode(high.add(BigDecimal.ONE))));
        if (type.equals("integer")) {
            violations.add(new Violation("not an integer", JSON.numberNode(new BigDecimal("1.5"))));
        }
        return violations;
    }

    private List<Violation> stringViolations(JsonNode schema) {
        List<Violation> violations = new ArrayList<>();
        int min = minLength(schema);
        String format = schema.path("format").asText("");
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            String pattern = schema.has("pattern") ? schema.get("pattern").asText() : null;
            String tooLong = regex.matching(random, pattern, max + 1, max + 1).orElse("x".repeat(max + 1));
            violations.add(new Violation("longer than maxLength " + max, JSON.textNode(tooLong)));
        }
        if (min > 0) {
            violations.add(new Violation("shorter than minLength " + min, JSON.textNode("x".repeat(min - 1))));
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            regex.notMatching(random, pattern, Math.max(min, 1), Math.min(maxLength(schema), 40))
                    .ifPresent(v -> violations.add(new Violation("does not match the pattern " + pattern, JSON.textNode(v))));
        }
        switch (format) {
            case "uuid" -> violations.add(new Violation("not a uuid", JSON.textNode("not-a-uuid")));
            case "date" -> violations.add(new Violation("not a date", JSON.textNode("2021-02-30")));
            case "date-time" -> violations.add(new Violation("not a date-time", JSON.textNode("yesterday")));
            default -> {
            }
        }
        violations.add(new Violation("not a string", JSON.numberNode(12)));
        return violations;
    }
}
