package fr.artisanat.convention.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.repository.ChamberRepository;
import fr.artisanat.convention.service.PartnerService;
import fr.artisanat.platform.idempotency.Idempotent;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.pagination.SortField;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Scope;
import fr.artisanat.platform.web.EntityTags;

@Path("/v1/chambers")
@Tag(name = "Chambers", description = "Chambers of trades and crafts (CMA) at each level of the network")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChamberResource {

    static final Keyset<Chamber> KEYSET = new Keyset<>(
            new SortField<>("id", "c.id", c -> c.id, UUID::fromString), "name",
            new SortField<>("name", "c.name", c -> c.name, s -> s));

    @Inject
    PartnerService partners;

    /** What {@link #KEYSET} sorts by, for the document (the contract test checks that both agree). */
    static final String SORT = "^[+-]?name(,[+-]?name)*$";

    @Inject
    ChamberRepository repository;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "createChamber", summary = "Register a chamber",
            description = "A chamber of trades and crafts with its level, region and parent chamber. "
                    + AuthorityResource.REFERENCE_DATA)
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ChamberView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull ChamberRequests.Create request) {
        Scope.requireAdmin(caller, "register a chamber");
        Chamber chamber = partners.createChamber(request.toCommand());
        return EntityTags.tagged(Response.created(URI.create("/v1/chambers/" + chamber.id)).entity(ChamberView.of(chamber)), chamber.version);
    }

    @GET
    @Operation(operationId = "listChambers", summary = "List chambers", description = "Every chamber, a page at a time, by name.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ChamberPage.class)))
    public Response list(@QueryParam("sort") @Size(max = 100) @Pattern(regexp = SORT, message = "the sortable field is name") String sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = Keyset.MAX_CURSOR_LENGTH) String cursor, @Context UriInfo uri) {
        Keyset.Query<Chamber> page = KEYSET.query(sort, cursor);
        return PageResponses.ok(page.page(repository.page(page, limit), limit, ChamberView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getChamber", summary = "Read a chamber", description = "The chamber and its parent.")
    @APIResponse(responseCode = "200", description = "The chamber", content = @Content(schema = @Schema(implementation = ChamberView.class)))
    public Response get(@PathParam("id") UUID id) {
        Chamber chamber = partners.chamber(id);
        return EntityTags.tagged(Response.ok(ChamberView.of(chamber)), chamber.version);
    }

    @Schema(name = "ChamberPage")
    public record ChamberPage(List<ChamberView> items, String next) {
    }
}
