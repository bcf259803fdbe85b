package fr.artisanat.convention.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.ConventionStatus;
import fr.artisanat.convention.repository.ConventionFilter;
import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.convention.service.ConventionService;
import fr.artisanat.platform.idempotency.Idempotent;
import fr.artisanat.platform.pagination.CursorPage;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.pagination.SortField;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.web.EntityTags;
import fr.artisanat.platform.web.QueryParams;

@Path("/v1/conventions")
@Tag(name = "Conventions", description = "Partnership conventions between authorities and chambers, and their lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConventionResource {

    static final Keyset<Convention> KEYSET = new Keyset<>(
            new SortField<>("id", "c.id", c -> c.id, UUID::fromString), "-startDate",
            new SortField<>("startDate", "c.startDate", c -> c.startDate, LocalDate::parse),
            new SortField<>("endDate", "c.endDate", c -> c.endDate, LocalDate::parse),
            new SortField<>("reference", "c.reference", c -> c.reference, s -> s),
            new SortField<>("title", "c.title", c -> c.title, s -> s),
            new SortField<>("createdAt", "c.createdAt", c -> c.createdAt, Instant::parse));

    /** What {@link #KEYSET} sorts by, for the document (the contract test checks that both agree). */
    static final String SORT = "^[+-]?(startDate|endDate|reference|title|createdAt)(,[+-]?(startDate|endDate|reference|title|createdAt))*$";

    @Inject
    ConventionService service;

    @Inject
    ConventionRepository repository;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "createConvention", summary = "Draft a convention",
            description = "Creates a DRAFT convention with its parties, signatories, term, themes, funding, data-exchange "
                    + "clause, governance and documents. Give endDate or durationYears. Send an Idempotency-Key to make "
                    + "retries safe.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = ConventionView.class)))
    public Response create(@Parameter(name = "Idempotency-Key", description = "Client key making the POST safe to retry")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull ConventionRequests.Create request) {
        Convention c = service.create(caller, request.toCommand());
        return EntityTags.tagged(Response.created(URI.create("/v1/conventions/" + c.id)).entity(ConventionView.of(c)), c.version);
    }

    @GET
    @Operation(operationId = "listConventions", summary = "Search conventions",
            description = "Conventions in the caller's scope matching every filter given, a page at a time (cursor pagination, Link header). "
                    + "activeOn keeps those in force that day; expiringWithinDays keeps ACTIVE ones ending within N days.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ConventionPage.class)))
    public Response list(@Parameter(schema = @Schema(implementation = UUID.class)) @QueryParam("authorityId") String authorityId,
            @Parameter(schema = @Schema(implementation = UUID.class)) @QueryParam("chamberId") String chamberId,
            @Parameter(schema = @Schema(implementation = ConventionKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = ConventionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "In force on this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("activeOn") String activeOn,
            @Parameter(description = "INSEE code of a commune covered", example = "13005") @QueryParam("commune") @Size(max = 5) @Pattern(regexp = PartnerPatterns.INSEE_COMMUNE, message = "must be an INSEE commune code") String commune,
            @Parameter(description = "Text in the title") @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("expiringWithinDays") @Min(0) @Max(3650) Integer expiringWithinDays,
            @Parameter(description = "Fields, '-' for descending: startDate, endDate, reference, title, createdAt", example = "-startDate")
            @QueryParam("sort") @Size(max = 100) @Pattern(regexp = SORT, message = "sortable fields are startDate, endDate, reference, title and createdAt") String sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = Keyset.MAX_CURSOR_LENGTH) String cursor,
            @Context UriInfo uri) {
        LocalDate today = LocalDate.now(clock);
        ConventionFilter filter = new ConventionFilter(QueryParams.uuid(authorityId, "authorityId"),
                QueryParams.uuid(chamberId, "chamberId"), QueryParams.enumValue(ConventionKind.class, kind, "kind"),
                QueryParams.enumValue(ConventionStatus.class, status, "status"), QueryParams.date(activeOn, "activeOn"),
                commune, text, today, expiringWithinDays == null ? null : today.plusDays(expiringWithinDays));
        Keyset.Query<Convention> page = KEYSET.query(sort, cursor);
        CursorPage<ConventionView> result = page.page(repository.search(filter, repository.scopeOf(caller), page, limit), limit, ConventionView::of);
        return PageResponses.ok(result, uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConvention", summary = "Read a convention", description = "The convention with its ETag.")
    @APIResponse(responseCode = "200", description = "The convention", content = @Content(schema = @Schema(implementation = ConventionView.class)))
    public Response get(@PathParam("id") UUID id) {
        Convention c = service.get(caller, id);
        return EntityTags.tagged(Response.ok(ConventionView.of(c)), c.version);
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "updateConvention", summary = "Edit a draft",
            description = "Replaces the editable parts of a DRAFT convention. Requires If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = ConventionView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ConventionRequests.Update request) {
        Convention c = service.update(caller, id, EntityTags.expected(ifMatch), request.toCommand());
        return EntityTags.tagged(Response.ok(ConventionView.of(c)), c.version);
    }

    @POST
    @Path("{id}/signatures")
    @Transactional
    @Idempotent
    @Operation(operationId = "signConvention", summary = "Record a signature",
            description = "Records that one signatory signed. When the last one signs the convention becomes SIGNED, "
                    + "and ACTIVE at once if its start date has come. Signing twice is a 409.")
    @APIResponse(responseCode = "200", description = "Signature recorded", content = @Content(schema = @Schema(implementation = ConventionView.class)))
    public Response sign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull ConventionRequests.Signature request) {
        Convention c = service.sign(caller, id, EntityTags.expected(ifMatch), request.toCommand());
        return EntityTags.tagged(Response.ok(ConventionView.of(c)), c.version);
    }

    @POST
    @Path("{id}/amendments")
    @Transactional
    @Idempotent
    @Operation(operationId = "amendConvention", summary = "Add an amendment (avenant)",
            description = "Numbered amendment to an ACTIVE convention, effective from a date within its term; may change the end date.")
    @APIResponse(responseCode = "201", description = "Amendment added", content = @Content(schema = @Schema(implementation = AmendmentView.class)),
            headers = @Header(name = "ETag", required = true, description = "The convention's new version, to quote in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull ConventionRequests.NewAmendment request) {
        var amendment = service.amend(caller, id, EntityTags.expected(ifMatch), request.toCommand());
        return EntityTags.tagged(Response.created(URI.create("/v1/conventions/" + id + "/amendments")).entity(AmendmentView.of(amendment)),
                amendment.convention.version);
    }

    @GET
    @Path("{id}/amendments")
    @Operation(operationId = "listAmendments", summary = "List amendments", description = "Every amendment, in number order.")
    @APIResponse(responseCode = "200", description = "Amendments", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AmendmentView.class)))
    public List<AmendmentView> amendments(@PathParam("id") UUID id) {
        return service.get(caller, id).amendments.stream().map(AmendmentView::of).toList();
    }

    @POST
    @Path("{id}/termination")
    @Transactional
    @Idempotent
    @Operation(operationId = "terminateConvention", summary = "Terminate early",
            description = "Ends a SIGNED or ACTIVE convention before its end date, with the reason.")
    @APIResponse(responseCode = "200", description = "Terminated", content = @Content(schema = @Schema(implementation = ConventionView.class)))
    public Response terminate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull ConventionRequests.Termination request) {
        Convention c = service.terminate(caller, id, EntityTags.expected(ifMatch), request.toCommand());
        return EntityTags.tagged(Response.ok(ConventionView.of(c)), c.version);
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getConventionHistory", summary = "Read the history",
            description = "Everything that happened to the convention, in the order it took effect: drafting, signatures, "
                    + "activation, amendments, transfers between authorities, expiry or termination. Drafting entries "
                    + "are dated the day they were recorded and come before the signatures, even for a convention "
                    + "entered after it was signed.")
    @APIResponse(responseCode = "200", description = "History", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class)))
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.get(caller, id).chronology().stream().map(HistoryView::of).toList();
    }

    /** OpenAPI shape of one page of conventions. */
    @Schema(name = "ConventionPage")
    public record ConventionPage(List<ConventionView> items, String next) {
    }
}
