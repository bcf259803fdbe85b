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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.platform.pagination.CursorPage;
import fr.artisanat.registry.repository.EstablishmentQueries;

@Path("/v1/establishment-changes")
@Tag(name = "Data sharing", description = "What partner systems use to stay in sync with the registry")
@Produces(MediaType.APPLICATION_JSON)
public class EstablishmentChangesResource {

    @Inject
    EstablishmentQueries queries;

    @GET
    @Operation(operationId = "listEstablishmentChanges", summary = "Changes feed",
            description = "Every establishment changed since the cursor (registered, updated, closed, relocated, classified), "
                    + "in the order of the changes, as it is now. Start without a cursor, then always pass the returned "
                    + "'next' (present even when nothing changed) to get what changed since.")
    @APIResponse(responseCode = "200", description = "Changes", content = @Content(schema = @Schema(implementation = EstablishmentResource.EstablishmentPage.class)))
    public CursorPage<EstablishmentView> changes(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.changes(cursor, limit);
    }
}
