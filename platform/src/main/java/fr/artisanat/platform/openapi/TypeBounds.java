package fr.artisanat.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The bounds a value's type gives it, written where the code states none (OWASP API4, unrestricted resource
 * consumption: every string has a maximum length, every integer a range):
 * <ul>
 * <li>a string of a fixed-width format: a UUID 36 characters, a date 10, an RFC 3339 instant at most 35 (nanoseconds
 * and an offset); a reference to such a schema gets its bound too;</li>
 * <li>an integer: none of the suite's is negative, and its format (int32, int64) caps it.</li>
 * </ul>
 * Strings of free text and lists state their bounds in the code ({@code @Size}), where they are enforced or stored.
 */
final class TypeBounds {

    private static final String COMPONENTS = "#/components/schemas/";
    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date", 10, "date-time", 35);

    private TypeBounds() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>(components.values());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> add(pending, parameter.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    addAll(pending, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        addAll(pending, response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(header -> add(pending, header.getSchema()));
                        }
                    });
                }
            }));
        }
        Set<Schema> done = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!done.add(schema)) {
                continue;
            }
            bound(schema, components);
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            add(pending, schema.getItems());
            add(pending, schema.getAdditionalPropertiesSchema());
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    pending.addAll(parts);
                }
            }
        }
    }

    private static void bound(Schema schema, Map<String, Schema> components) {
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            String format = format(schema, components);
            if (format != null && FORMAT_LENGTHS.containsKey(format)) {
                schema.setMaxLength(FORMAT_LENGTHS.get(format));
            }
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }

    /** The schema's format, or that of the component it refers to (a property such as {@code $ref: LocalDate}). */
    private static String format(Schema schema, Map<String, Schema> components) {
        if (schema.getFormat() != null || schema.getRef() == null || !schema.getRef().startsWith(COMPONENTS)) {
            return schema.getFormat();
        }
        Schema target = components.get(schema.getRef().substring(COMPONENTS.length()));
        return target == null ? null : target.getFormat();
    }

    private static void addAll(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> add(pending, media.getSchema()));
        }
    }

    private static void add(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.add(schema);
        }
    }
}
