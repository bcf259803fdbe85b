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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.service.PartnerService;
import fr.artisanat.platform.idempotency.Idempotent;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.pagination.SortField;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Scope;
import fr.artisanat.platform.web.EntityTags;

@Path("/v1/authorities")
@Tag(name = "Authorities", description = "Intercommunal authorities (EPCI), their communes and successions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthorityResource {

    static final Keyset<Authority> KEYSET = new Keyset<>(
            new SortField<>("id", "a.id", a -> a.id, UUID::fromString), "name",
            new SortField<>("name", "a.name", a -> a.name, s -> s),
            new SortField<>("siren", "a.siren", a -> a.siren, s -> s));

    /** What {@link #KEYSET} sorts by, for the document (the contract test checks that both agree). */
    static final String SORT = "^[+-]?(name|siren)(,[+-]?(name|siren))*$";

    /** Who may change the partners, said on each operation that does. */
    static final String REFERENCE_DATA = "Reference data: every caller reads it, only an admin changes it (else 403).";

    @Inject
    PartnerService partners;

    @Inject
    AuthorityRepository repository;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "createAuthority", summary = "Register an authority",
            description = "An EPCI with its SIREN (check digit verified) and member communes (INSEE codes that must exist). "
                    + "The EPCIs of 1 January 2020 are loaded at start-up. " + REFERENCE_DATA)
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = AuthorityView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull AuthorityRequests.Create request) {
        Scope.requireAdmin(caller, "register an authority");
        Authority authority = partners.createAuthority(request.toCommand());
        return EntityTags.tagged(Response.created(URI.create("/v1/authorities/" + authority.id)).entity(AuthorityView.of(authority)),
                authority.version);
    }

    @GET
    @Operation(operationId = "listAuthorities", summary = "Search authorities",
            description = "By text in the name (or exact SIREN) and by member commune, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = AuthorityPage.class)))
    public Response list(@Parameter(description = "Text in the name, or a SIREN", example = "Valence") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "INSEE code of a member commune", example = "26281") @QueryParam("commune") @Size(max = 5) @Pattern(regexp = PartnerPatterns.INSEE_COMMUNE, message = "must be an INSEE commune code") String commune,
            @Parameter(description = "name or siren, '-' for descending") @QueryParam("sort") @Size(max = 100) @Pattern(regexp = SORT, message = "sortable fields are name and siren") String sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = Keyset.MAX_CURSOR_LENGTH) String cursor, @Context UriInfo uri) {
        Keyset.Query<Authority> page = KEYSET.query(sort, cursor);
        return PageResponses.ok(page.page(repository.search(text, commune, page, limit), limit, AuthorityView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAuthority", summary = "Read an authority", description = "The authority with its communes and successor.")
    @APIResponse(responseCode = "200", description = "The authority", content = @Content(schema = @Schema(implementation = AuthorityView.class)))
    public Response get(@PathParam("id") UUID id) {
        Authority authority = partners.authority(id);
        return EntityTags.tagged(Response.ok(AuthorityView.of(authority)), authority.version);
    }

    @POST
    @Path("{id}/succession")
    @Transactional
    @Idempotent
    @Operation(operationId = "recordSuccession", summary = "Record a succession",
            description = "The authority is succeeded from effectiveDate (e.g. merged into a métropole). Its conventions "
                    + "still running on that date pass to the successor, with their history kept; their signatories still "
                    + "show the authority they signed for. A succession that would make an authority its own successor, "
                    + "directly or through others, is refused (409). " + REFERENCE_DATA)
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = AuthorityView.class)))
    public Response succession(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull AuthorityRequests.Succession request) {
        Scope.requireAdmin(caller, "record a succession");
        Authority authority = partners.recordSuccession(id, request.toCommand());
        return EntityTags.tagged(Response.ok(AuthorityView.of(authority)), authority.version);
    }

    @Schema(name = "AuthorityPage")
    public record AuthorityPage(List<AuthorityView> items, String next) {
    }
}
