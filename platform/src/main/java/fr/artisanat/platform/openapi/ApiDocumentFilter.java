package fr.artisanat.platform.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import fr.artisanat.platform.idempotency.IdempotencyInterceptor;

/**
 * Makes each served OpenAPI document say what the platform makes every service accept and return (docs/adr/0004),
 * so that resources only describe their own rules:
 * <ul>
 * <li>the problem+json error responses ({@link ProblemResponses});</li>
 * <li>an {@code ETag} header on every 2xx response whose body carries a {@code version} (the entity version,
 * {@code EntityTags}); a {@code Location} header on every 201 and 202;</li>
 * <li>pages: {@code next} is a string or null (null on the last page), the {@code Link} header, the cursor;</li>
 * <li>request bodies are closed ({@code additionalProperties: false}): JSON with an unknown property is a 400;</li>
 * <li>the {@code Idempotency-Key} header's length and characters, the {@code If-Match} header's length;</li>
 * <li>the OAuth 2.0 schemes every operation requires, and servers that say who reaches them ({@link ApiSecurity});</li>
 * <li>the bounds of every value (OWASP API4): a page holds at most the {@code limit} its operation accepts and its
 * {@code next} is a cursor the operation accepts; headers, fixed-width formats and integers ({@link TypeBounds}).</li>
 * </ul>
 * Register with {@code mp.openapi.filter=fr.artisanat.platform.openapi.ApiDocumentFilter}.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";
    /** Longer than any ETag the services send, or a list of a few of them. */
    private static final int ENTITY_TAG_MAX_LENGTH = 200;
    /** A URL of the service: its path and an id. */
    private static final int LOCATION_MAX_LENGTH = 2048;
    /** The request's own URL (at most the 4 KiB of an HTTP request line) with the next cursor in place. */
    private static final int LINK_MAX_LENGTH = 8192;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas() == null ? Map.of() : openAPI.getComponents().getSchemas();
        components.values().forEach(ApiDocumentFilter::nullableNext);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            documentParameters(operation);
            closeRequestBody(operation, components);
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        boundHeaders(response);
                        documentLocation(status, response);
                        documentEntityTag(response, components);
                        documentNextLink(operation, response);
                        boundPage(operation, response, components);
                    }
                });
            }
        }));
        ProblemResponses.document(openAPI);
        ApiSecurity.document(openAPI);
        TypeBounds.apply(openAPI);
    }

    /**
     * A page (or a plain list) holds at most the {@code limit} its operation accepts; a page's {@code next} is a cursor
     * the operation takes.
     */
    private static void boundPage(Operation operation, APIResponse response, Map<String, Schema> components) {
        if (response.getContent() == null || operation.getParameters() == null) {
            return;
        }
        Schema limit = queryParameter(operation, "limit");
        Schema cursor = queryParameter(operation, "cursor");
        response.getContent().getMediaTypes().values().forEach(media -> {
            Schema page = resolve(media.getSchema(), components);
            if (page != null && page.getType() != null && page.getType().contains(Schema.SchemaType.ARRAY)
                    && limit != null && limit.getMaximum() != null) {
                page.setMaxItems(limit.getMaximum().intValue()); // a list without a cursor, such as import rejections
                return;
            }
            if (page == null || page.getProperties() == null || !page.getProperties().containsKey("items")) {
                return;
            }
            Schema items = page.getProperties().get("items");
            if (limit != null && limit.getMaximum() != null) {
                items.setMaxItems(Math.max(limit.getMaximum().intValue(), items.getMaxItems() == null ? 0 : items.getMaxItems()));
            }
            Schema next = page.getProperties().get("next");
            if (next != null && cursor != null && cursor.getMaxLength() != null) {
                next.setMaxLength(Math.max(cursor.getMaxLength(), next.getMaxLength() == null ? 0 : next.getMaxLength()));
            }
        });
    }

    private static Schema queryParameter(Operation operation, String name) {
        return operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()))
                .map(Parameter::getSchema).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** A page is {@code {items, next}}; {@code next} is null on the last page (CursorPage). */
    private static void nullableNext(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && properties.containsKey("items") && properties.containsKey("next")) {
            Schema next = properties.get("next");
            if (next.getType() != null && !next.getType().contains(Schema.SchemaType.NULL)) {
                next.addType(Schema.SchemaType.NULL);
            }
            next.setDescription("Opaque cursor of the next page, to pass as `cursor`; null on the last page");
            schema.setRequired(List.of("items", "next"));
        }
    }

    private static void documentParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && IdempotencyInterceptor.HEADER.equalsIgnoreCase(parameter.getName())) {
                parameter.setDescription("Client key making the POST safe to retry: the same key and body give the same response");
                schemaOf(parameter).minLength(1).maxLength(IdempotencyInterceptor.MAX_KEY_LENGTH)
                        .pattern(IdempotencyInterceptor.KEY_PATTERN);
            }
            if (parameter.getIn() == Parameter.In.QUERY && "cursor".equals(parameter.getName())) {
                parameter.setDescription("The `next` of the previous page, as returned; any other value is refused (400)");
            }
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                if (parameter.getDescription() == null) {
                    parameter.setDescription("The ETag of the version you read; the change is refused (412) if it is no longer current");
                }
                schemaOf(parameter).maxLength(ENTITY_TAG_MAX_LENGTH);
            }
        }
    }

    private static Schema schemaOf(Parameter parameter) {
        if (parameter.getSchema() == null) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
        return parameter.getSchema();
    }

    /** Jackson refuses unknown properties (fail-on-unknown-properties): every object a request body holds is closed. */
    private static void closeRequestBody(Operation operation, Map<String, Schema> components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && media.getSchema() != null) {
                Deque<Schema> pending = new ArrayDeque<>(List.of(media.getSchema()));
                Set<Schema> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                while (!pending.isEmpty()) {
                    Schema schema = resolve(pending.pop(), components);
                    if (schema == null || !done.add(schema)) {
                        continue;
                    }
                    if (schema.getProperties() != null) {
                        schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
                        pending.addAll(schema.getProperties().values());
                    }
                    if (schema.getItems() != null) {
                        pending.add(schema.getItems());
                    }
                    for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                        if (parts != null) {
                            pending.addAll(parts);
                        }
                    }
                }
            }
        });
    }

    private static void documentEntityTag(APIResponse response, Map<String, Schema> components) {
        if (response.getContent() == null || response.getHeaders() != null && response.getHeaders().containsKey("ETag")) {
            return;
        }
        boolean versioned = response.getContent().getMediaTypes().values().stream().anyMatch(media -> {
            Schema body = resolve(media.getSchema(), components);
            return body != null && body.getProperties() != null && body.getProperties().containsKey("version");
        });
        if (versioned) {
            response.addHeader("ETag", OASFactory.createHeader().required(true)
                    .description("Version of the resource, to quote in If-Match")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(ENTITY_TAG_MAX_LENGTH)
                            .addExample("\"3\"")));
        }
    }

    /** The headers a resource documents itself, bounded as the platform's own. */
    private static void boundHeaders(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        Map<String, Integer> bounds = Map.of("ETag", ENTITY_TAG_MAX_LENGTH, "Location", LOCATION_MAX_LENGTH, "Link", LINK_MAX_LENGTH);
        response.getHeaders().forEach((name, header) -> {
            if (bounds.containsKey(name) && header.getSchema() != null && header.getSchema().getMaxLength() == null) {
                header.getSchema().setMaxLength(bounds.get(name));
            }
        });
    }

    /** 201 Created and 202 Accepted give the URL of what was created or started (docs/adr/0004). */
    private static void documentLocation(String status, APIResponse response) {
        if ((status.equals("201") || status.equals("202")) && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
            response.addHeader("Location", OASFactory.createHeader().required(true)
                    .description("URL of the created resource, or of the job started")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                            .maxLength(LOCATION_MAX_LENGTH)));
        }
    }

    private static void documentNextLink(Operation operation, APIResponse response) {
        boolean paged = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
        if (paged && (response.getHeaders() == null || !response.getHeaders().containsKey("Link"))) {
            response.addHeader("Link", OASFactory.createHeader()
                    .description("RFC 8288 link to the next page (rel=\"next\"), absent on the last page")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(LINK_MAX_LENGTH)));
        }
    }

    private static Schema resolve(Schema schema, Map<String, Schema> components) {
        Set<String> seen = new HashSet<>();
        while (schema != null && schema.getRef() != null && schema.getRef().startsWith(COMPONENTS) && seen.add(schema.getRef())) {
            Schema target = components.get(schema.getRef().substring(COMPONENTS.length()));
            if (target == null) {
                return schema;
            }
            schema = target;
        }
        return schema;
    }
}
