package fr.artisanat.registry.api;

import java.net.URI;
import java.util.List;

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

import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.idempotency.Idempotent;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.web.EntityTags;
import fr.artisanat.platform.web.QueryParams;
import fr.artisanat.registry.domain.AdviserNote;
import fr.artisanat.registry.repository.EstablishmentFilter;
import fr.artisanat.registry.repository.EstablishmentQueries;
import fr.artisanat.registry.repository.EstablishmentRecord;
import fr.artisanat.registry.service.ClassificationService;
import fr.artisanat.registry.service.DataSharing;

@Path("/v1/establishments")
@Tag(name = "Establishments", description = "Craft establishments of the tracked territories, from SIRENE, with the chamber's classification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EstablishmentResource {

    /** Anchored: an OpenAPI pattern matches anywhere in the value, Bean Validation the whole value. */
    static final String SIRET_PATTERN = "^\\d{14}$";
    static final String INSEE_COMMUNE = "^[0-9][0-9AB][0-9]{3}$";

    static final String CLASSIFICATION_TAG = "Version of the chamber's classification (\"0\" before the first one), to quote in If-Match when classifying";

    @Inject
    EstablishmentQueries queries;

    @Inject
    ClassificationService classifications;

    @Inject
    DataSharing sharing;

    @Inject
    Caller caller;

    @GET
    @Path("{siret}")
    @Operation(operationId = "getEstablishment", summary = "Look up by SIRET",
            description = "The establishment with its classification. Name, trade names and address are absent for diffusion P. "
                    + "Only in the caller's part of the registry (404 elsewhere); an authority reads the chamber's "
                    + "classification only while a convention shares it (docs/data-sharing.md).")
    @APIResponse(responseCode = "200", description = "The establishment", content = @Content(schema = @Schema(implementation = EstablishmentView.class)),
            headers = @Header(name = "ETag", required = true, description = CLASSIFICATION_TAG, schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("siret") @Size(max = 14) @Pattern(regexp = SIRET_PATTERN, message = "must be 14 digits") String siret) {
        EstablishmentRecord establishment = queries.bySiret(siret, sharing.scopeOf(caller))
                .orElseThrow(() -> new NotFound("Establishment", siret));
        return EntityTags.tagged(Response.ok(EstablishmentView.of(establishment)), classificationVersion(establishment));
    }

    @GET
    @Operation(operationId = "searchEstablishments", summary = "Search establishments",
            description = "By name or trade name and by territory, commune, craft family, NAF, NAFA, métier d'art domain, "
                    + "employee band, activity and tag; cursor pagination with a Link header. A name search finds the "
                    + "establishments whose name or trade names hold every word of `q`, accents and case aside: those "
                    + "with the very words first, then those with words close to them (typos, plurals, beginnings of "
                    + "words); each group in SIRET order. Without `q`, SIRET order. Only the caller's part of the registry.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = EstablishmentPage.class)))
    public Response search(@Parameter(description = "Words of the name or trade name", example = "boulangerie") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(schema = @Schema(implementation = java.util.UUID.class)) @QueryParam("territoryId") String territoryId,
            @Parameter(example = "26281") @QueryParam("commune") @Size(max = 5) @Pattern(regexp = INSEE_COMMUNE, message = "must be an INSEE commune code") String commune,
            @Parameter(example = "BATIMENT") @QueryParam("craftFamily") @Size(max = 12) @Pattern(regexp = "^(ALIMENTATION|BATIMENT|FABRICATION|SERVICES|AUTRE)$",
                    message = "must be ALIMENTATION, BATIMENT, FABRICATION, SERVICES or AUTRE") String craftFamily,
            @Parameter(example = "10.71C") @QueryParam("naf") @Size(max = 6) @Pattern(regexp = "^\\d{2}\\.\\d{2}[A-Z]$", message = "must be a NAF code such as 10.71C") String naf,
            @Parameter(example = "1071CZ") @QueryParam("nafa") @Size(max = 6) @Pattern(regexp = "^\\d{4}[A-Z]{2}$", message = "must be a NAFA code such as 1071CZ") String nafa,
            @QueryParam("metierArtDomain") @Min(1) @Max(16) Integer metierArtDomain,
            @Parameter(example = "01") @QueryParam("band") @Size(max = 2) @Pattern(regexp = "^(NN|\\d{2})$", message = "must be a SIRENE employee band code") String band,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String active,
            @Parameter(example = "filiere-argile") @QueryParam("tag") @Size(max = 60) String tag,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 200) String cursor, @Context UriInfo uri) {
        EstablishmentFilter filter = new EstablishmentFilter(text, QueryParams.uuid(territoryId, "territoryId"), commune,
                craftFamily, naf, nafa, metierArtDomain, band, active == null ? null : Boolean.valueOf(active), tag);
        return PageResponses.ok(queries.search(filter, cursor, limit, sharing.scopeOf(caller)).map(EstablishmentView::of), uri);
    }

    @PUT
    @Path("{siret}/classification")
    @Transactional
    @Operation(operationId = "classifyEstablishment", summary = "Classify an establishment",
            description = "Sets the chamber's classification: métier d'art (domain of the official list and métier), sector "
                    + "tags, development potential; who (the caller's id) and when are recorded. If-Match is required once a "
                    + "classification exists. A chamber classifies in its part of the registry (an authority: 403).")
    @APIResponse(responseCode = "200", description = "Classified", content = @Content(schema = @Schema(implementation = EstablishmentView.class)),
            headers = @Header(name = "ETag", required = true, description = CLASSIFICATION_TAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The métier d'art domain is not one of the official list")
    public Response classify(@PathParam("siret") @Size(max = 14) @Pattern(regexp = SIRET_PATTERN, message = "must be 14 digits") String siret,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ClassificationRequests.Classify request) {
        var classification = classifications.classify(siret, EntityTags.expected(ifMatch), request.toCommand(), caller);
        return EntityTags.tagged(Response.ok(EstablishmentView.of(queries.bySiret(siret, sharing.scopeOf(caller)).orElseThrow())),
                classification.version);
    }

    @POST
    @Path("{siret}/notes")
    @Transactional
    @Idempotent
    @Operation(operationId = "addAdviserNote", summary = "Add an adviser's note",
            description = "A free note by one of the chamber's advisers (the caller), read by that chamber only. Notes are "
                    + "never part of events or exports. A chamber writes them in its part of the registry (an authority: 403).")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Response addNote(@PathParam("siret") @Size(max = 14) @Pattern(regexp = SIRET_PATTERN, message = "must be 14 digits") String siret,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull ClassificationRequests.Note request) {
        AdviserNote note = classifications.addNote(siret, request.text(), caller);
        return Response.created(URI.create("/v1/establishments/" + siret + "/notes")).entity(NoteView.of(note)).build();
    }

    @GET
    @Path("{siret}/notes")
    @Operation(operationId = "listAdviserNotes", summary = "List advisers' notes",
            description = "The notes of the caller's chamber (an administrator: all), oldest first; never an authority's (403).")
    @APIResponse(responseCode = "200", description = "Notes", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NoteView.class)))
    public List<NoteView> notes(@PathParam("siret") @Size(max = 14) @Pattern(regexp = SIRET_PATTERN, message = "must be 14 digits") String siret) {
        return classifications.notes(siret, caller).stream().map(NoteView::of).toList();
    }

    /**
     * What a client of an establishment can change is its classification: the ETag of an establishment is the
     * classification's version ("0" before the first one), the one that classifying checks in If-Match.
     */
    private static long classificationVersion(EstablishmentRecord establishment) {
        return establishment.classification() == null ? 0 : establishment.classification().version();
    }

    @Schema(name = "EstablishmentPage")
    public record EstablishmentPage(List<EstablishmentView> items, String next) {
    }

    @Schema(name = "AdviserNote")
    public record NoteView(java.util.UUID id,
            @Schema(description = "The adviser's id (their token's subject); free text in notes written before issue 10")
            @Size(max = 200) String author, @Size(max = 4000) String text,
            java.time.Instant createdAt) {
        static NoteView of(AdviserNote note) {
            return new NoteView(note.id, note.author, note.text, note.createdAt);
        }
    }
}
