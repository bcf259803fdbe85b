package fr.artisanat.registry.api;

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

import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.registry.repository.EstablishmentQueries;
import fr.artisanat.registry.service.DataSharing;

@Path("/v1/establishment-changes")
@Tag(name = "Data sharing", description = "What partner systems use to stay in sync with the registry")
@Produces(MediaType.APPLICATION_JSON)
public class EstablishmentChangesResource {

    @Inject
    EstablishmentQueries queries;

    @Inject
    DataSharing sharing;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listEstablishmentChanges", summary = "Changes feed",
            description = "Every establishment changed since the cursor (registered, updated, closed, relocated, classified), "
                    + "in the order of the changes, as it is now; only the caller's part of the registry, with the "
                    + "classifications it may read. " + ChangesFeed.HOW_TO_FOLLOW)
    @APIResponse(responseCode = "200", description = "Changes", content = @Content(schema = @Schema(implementation = EstablishmentResource.EstablishmentPage.class)),
            headers = @Header(name = "Link", description = ChangesFeed.LINK, schema = @Schema(type = SchemaType.STRING)))
    public Response changes(
            @Parameter(description = ChangesFeed.CURSOR, example = ChangesFeed.CURSOR_EXAMPLE)
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "At most this many changes", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Context UriInfo uri) {
        return PageResponses.ok(queries.changes(cursor, limit, sharing.scopeOf(caller)).map(EstablishmentView::of), uri);
    }
}
