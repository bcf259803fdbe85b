package fr.artisanat.platform.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import fr.artisanat.platform.problem.FieldError;
import fr.artisanat.platform.problem.Problem;

/**
 * Documents the problem+json error responses of every operation once, from what the platform makes it answer:
 * <ul>
 * <li>401 and 403 always: every operation needs a valid bearer token, whose roles may not allow it ({@link ApiSecurity});</li>
 * <li>404 always: a resource that does not exist or lies outside the caller's scope, which is answered as missing so
 * that other partners' ids do not leak;</li>
 * <li>400 when it takes a parameter or a body (a parameter that does not convert to its type is a 400 too);</li>
 * <li>409 when it changes state (conflicting state, concurrent change,
 * duplicate key); 422 when it takes an Idempotency-Key (reused with another body; the services' business rules
 * give 422 too, on operations that all take one);</li>
 * <li>412 when it honours If-Match, and 428 when it is a PUT or PATCH (If-Match required);</li>
 * <li>413 when it takes an upload; 415 when it takes a body (sent without its content type); 500 always.</li>
 * </ul>
 * A resource documents any other status itself (e.g. 422 on a GET that checks its parameters against the data);
 * this class also gives every 4xx and 5xx response its problem+json content.
 */
final class ProblemResponses {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Malformed request: invalid JSON, unknown property or enum value, a parameter or field breaking its schema (see errors)"),
            Map.entry("401", "No valid bearer token: missing, expired, not yet valid, badly signed, or for another issuer or audience (see WWW-Authenticate)"),
            Map.entry("403", "The token is valid but its roles do not allow this operation"),
            Map.entry("404", "No such resource, or none the caller may see: what lies outside the caller's scope is answered as not found"),
            Map.entry("409", "Conflicts with the current state (e.g. duplicate key, wrong lifecycle status, concurrent change)"),
            Map.entry("412", "If-Match does not name the current version (ETag)"),
            Map.entry("413", "The upload is larger than the service accepts"),
            Map.entry("415", "The body is not sent with one of the documented content types"),
            Map.entry("422", "Well-formed but breaks a business rule stated in the operation's description, or reuses an Idempotency-Key (see errors)"),
            Map.entry("428", "If-Match is required"),
            Map.entry("500", "Unexpected error; quote the requestId"));

    private ProblemResponses() {
    }

    static void document(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            boolean changesState = method != PathItem.HttpMethod.GET;
            if (validatesInput(operation)) {
                add(operation, "400");
            }
            add(operation, "401");
            operation.getResponses().getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .required(true).description("The Bearer challenge (RFC 6750), with the error when a token was sent")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Problem.TEXT_MAX_LENGTH)));
            add(operation, "403");
            add(operation, "404");
            if (changesState) {
                add(operation, "409");
            }
            if (hasHeader(operation, "Idempotency-Key")) {
                add(operation, "422");
            }
            if (hasHeader(operation, "If-Match")) {
                add(operation, "412");
                if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                    add(operation, "428");
                }
            }
            if (operation.getRequestBody() != null) {
                add(operation, "415");
                if (operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().hasMediaType("multipart/form-data")) {
                    add(operation, "413");
                }
            }
            add(operation, "500");
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    giveProblemContent(status, response);
                }
            });
        }));
    }

    private static boolean validatesInput(Operation operation) {
        return operation.getRequestBody() != null || operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER
                        && name.equalsIgnoreCase(p.getName()));
    }

    private static void add(Operation operation, String status) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)));
        }
    }

    private static void giveProblemContent(String status, APIResponse response) {
        if (response.getDescription() == null) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Error"));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
            MediaType mediaType = OASFactory.createMediaType().schema(problem);
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
            response.setContent(content);
        }
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("Path of the invalid value in the request", "signatories[0].fullName", FieldError.FIELD_MAX_LENGTH))
                .addProperty("message", text("What is wrong with it", "must not be blank", Problem.TEXT_MAX_LENGTH))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("Problem type, a URI reference", "/problems/validation", Problem.NAME_MAX_LENGTH))
                .addProperty("title", text("Short summary of the problem type", "Invalid request", Problem.NAME_MAX_LENGTH))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).addExample(400))
                .addProperty("detail", text("What went wrong this time", "signatories[0].fullName: must not be blank",
                        Problem.TEXT_MAX_LENGTH))
                .addProperty("instance", text("Path of the request", "/v1/conventions", Problem.TEXT_MAX_LENGTH))
                .addProperty("requestId", text("X-Request-Id of the request", "5b0f3b1e-2f6c-4d2a-9a51-7c1f0e9b6a42",
                        Problem.NAME_MAX_LENGTH))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .maxItems(Problem.MAX_ERRORS)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description, String example, int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description)
                .maxLength(maxLength).addExample(example);
    }
}
