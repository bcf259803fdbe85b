package fr.artisanat.convention.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.security.Caller;

@Path("/v1/convention-changes")
@Tag(name = "Data sharing", description = "What partner systems use to stay in sync with the conventions, without Kafka")
@Produces(MediaType.APPLICATION_JSON)
public class ConventionChangesResource {

    @Inject
    ConventionRepository conventions;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listConventionChanges", summary = "Changes feed",
            description = "Every convention in the caller's scope changed since the cursor (drafted, edited, signed, activated, amended, "
                    + "transferred to a successor authority, expired, terminated), in the order of the changes, as it is "
                    + "now; its version tells which state is newer. " + ChangesFeed.HOW_TO_FOLLOW)
    @APIResponse(responseCode = "200", description = "Changes", content = @Content(schema = @Schema(implementation = ConventionResource.ConventionPage.class)),
            headers = @Header(name = "Link", description = ChangesFeed.LINK, schema = @Schema(type = SchemaType.STRING)))
    public Response changes(
            @Parameter(description = ChangesFeed.CURSOR, example = ChangesFeed.CURSOR_EXAMPLE)
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "At most this many changes", example = "20")
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Context UriInfo uri) {
        ChangesFeed feed = ChangesFeed.page(cursor, limit);
        return PageResponses.ok(feed.toPage(conventions.changes(feed, conventions.scopeOf(caller)).stream()
                .map(c -> new ChangesFeed.Change<>(c.changePosition(), ConventionView.of(c))).toList()), uri);
    }
}
