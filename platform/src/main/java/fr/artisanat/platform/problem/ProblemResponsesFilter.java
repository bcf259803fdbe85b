package fr.artisanat.platform.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the problem+json error responses of every operation once, instead of on each resource method:
 * every operation may answer 400 and 500; reads of one resource 404; writes 404, 409 and 422; updates 412 and 428.
 * Register with {@code mp.openapi.filter=fr.artisanat.platform.problem.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Malformed request: invalid JSON, unknown enum value, field constraints (see errors)",
            "404", "No such resource",
            "409", "Conflicts with the current state (e.g. duplicate key, wrong lifecycle status)",
            "412", "If-Match does not name the current version (ETag)",
            "422", "Well-formed but breaks a business rule (see errors)",
            "428", "If-Match is required",
            "500", "Unexpected error; quote the requestId");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            add(operation, "400");
            add(operation, "500");
            boolean single = path.contains("{");
            if (single) {
                add(operation, "404");
            }
            if (method != PathItem.HttpMethod.GET) {
                add(operation, "409");
                add(operation, "422");
            }
            if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                add(operation, "412");
                add(operation, "428");
            }
        }));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("Path of the invalid value in the request", "signatories[0].fullName"))
                .addProperty("message", text("What is wrong with it", "must not be blank"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("Problem type, a URI reference", "/problems/validation"))
                .addProperty("title", text("Short summary of the problem type", "Invalid request"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER))
                        .addExample(400))
                .addProperty("detail", text("What went wrong this time", "signatories[0].fullName: must not be blank"))
                .addProperty("instance", text("Path of the request", "/v1/conventions"))
                .addProperty("requestId", text("X-Request-Id of the request", "5b0f3b1e-2f6c-4d2a-9a51-7c1f0e9b6a42"))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(java.util.List.of("type", "title", "status"));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).description(description)
                .addExample(example);
    }

    private static void add(Operation operation, String status) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType mediaType = OASFactory.createMediaType().schema(problem);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
        operation.getResponses().addAPIResponse(status,
                OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)).content(content));
    }
}
