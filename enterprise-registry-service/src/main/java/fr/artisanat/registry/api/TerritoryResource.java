package fr.artisanat.registry.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.platform.csv.Csv;
import fr.artisanat.platform.idempotency.Idempotent;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.pagination.SortField;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.web.EntityTags;
import fr.artisanat.registry.domain.Territory;
import fr.artisanat.registry.repository.EstablishmentQueries;
import fr.artisanat.registry.repository.RegistryScope;
import fr.artisanat.registry.repository.TerritoryRepository;
import fr.artisanat.registry.service.DataSharing;
import fr.artisanat.registry.service.TerritoryService;

@Path("/v1/territories")
@Tag(name = "Territories", description = "Sets of communes (EPCIs and partner-defined territories), their statistics and exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerritoryResource {

    static final Keyset<Territory> KEYSET = new Keyset<>(new SortField<>("id", "t.id", t -> t.id, UUID::fromString), "code",
            new SortField<>("code", "t.code", t -> t.code, s -> s), new SortField<>("name", "t.name", t -> t.name, s -> s));
    static final String TEXT_CSV = "text/csv";
    /** What {@link #KEYSET} sorts by, for the document (the contract test checks that both agree). */
    static final String SORT = "^[+-]?(code|name)(,[+-]?(code|name))*$";

    @Inject
    TerritoryRepository repository;

    @Inject
    TerritoryService territories;

    @Inject
    EstablishmentQueries establishments;

    @Inject
    DataSharing sharing;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "createTerritory", summary = "Define a territory",
            description = "A set of communes (INSEE codes) with validity dates, e.g. the 12 communes of the former CA du Pays "
                    + "d'Aubagne et de l'Etoile. Tracked by default: the next SIRENE import keeps its establishments. "
                    + "Its communes must be in the caller's part of the registry; it is the caller's partner's, the only "
                    + "one (with administrators) that sees it.")
    @APIResponse(responseCode = "201", description = "Defined", content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull TerritoryRequests.Create request) {
        Territory territory = territories.create(request.toCommand(), caller);
        return EntityTags.tagged(Response.created(URI.create("/v1/territories/" + territory.id))
                .entity(TerritoryView.of(territory, territories.communes(territory.id))), territory.version);
    }

    @GET
    @Operation(operationId = "listTerritories", summary = "List territories",
            description = "The caller's territories (an authority's EPCI, a chamber's EPCIs, those the partner defined) by "
                    + "code or name, optionally only those tracked by the import or matching a text.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = TerritoryPage.class)))
    public Response list(@Parameter(description = "Text in the name, or a SIREN", example = "Valence") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) @QueryParam("tracked") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String tracked,
            @QueryParam("sort") @Size(max = 100) @Pattern(regexp = SORT, message = "sortable fields are code and name") String sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = Keyset.MAX_CURSOR_LENGTH) String cursor, @Context UriInfo uri) {
        Keyset.Query<Territory> page = KEYSET.query(sort, cursor);
        List<Territory> rows = repository.page(page, text, tracked == null ? null : Boolean.valueOf(tracked), limit,
                sharing.scopeOf(caller));
        return PageResponses.ok(page.page(rows, limit,
                t -> TerritoryView.of(t, null)), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTerritory", summary = "Read a territory", description = "The territory and its communes.")
    @APIResponse(responseCode = "200", description = "The territory", content = @Content(schema = @Schema(implementation = TerritoryView.class)))
    public Response get(@PathParam("id") UUID id) {
        Territory territory = territories.get(id, caller);
        return EntityTags.tagged(Response.ok(TerritoryView.of(territory, territories.communes(id))), territory.version);
    }

    @GET
    @Path("{id}/statistics")
    @Operation(operationId = "getTerritoryStatistics", summary = "Statistics of a territory",
            description = "Establishments by craft family and employee band, active and closed, creations and closures per "
                    + "year, artisans d'art, estimated jobs with the method and range, and per commune; or of one commune.")
    @APIResponse(responseCode = "200", description = "Statistics", content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "422", description = "The commune is not one of the territory's")
    public StatisticsView statistics(@PathParam("id") UUID id,
            @Parameter(example = "26281") @QueryParam("commune") @Size(max = 5) @Pattern(regexp = EstablishmentResource.INSEE_COMMUNE, message = "must be an INSEE commune code") String commune) {
        return StatisticsView.of(territories.figures(id, commune, caller));
    }

    /** One line of at most 80 characters per figure, and at most 21,112 figures (StatisticsView's lists and totals). */
    private static final int STATISTICS_CSV_MAX_LENGTH = 2_000_000;

    @GET
    @Path("{id}/exports/statistics.csv")
    @Produces(TEXT_CSV)
    @Operation(operationId = "exportTerritoryStatistics", summary = "Statistics as CSV",
            description = "The territory's figures as CSV (UTF-8, RFC 4180): one line per figure (dimension, key, active, closed).")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = TEXT_CSV,
            schema = @Schema(implementation = String.class, maxLength = STATISTICS_CSV_MAX_LENGTH)))
    public Response exportStatistics(@PathParam("id") UUID id) {
        StatisticsView s = StatisticsView.of(territories.figures(id, null, caller));
        StringBuilder csv = new StringBuilder(Csv.record(List.of("dimension", "key", "active", "closed")));
        csv.append(Csv.record(List.of("total", "", s.active(), s.closed())));
        csv.append(Csv.record(List.of("artisans_d_art", "", s.artisansDArt(), "")));
        csv.append(Csv.record(List.of("estimated_jobs", "estimate", s.estimatedJobs().estimate(), "")));
        csv.append(Csv.record(List.of("estimated_jobs", "low", s.estimatedJobs().low(), "")));
        csv.append(Csv.record(List.of("estimated_jobs", "high", s.estimatedJobs().high(), "")));
        s.byCraftFamily().forEach(f -> csv.append(Csv.record(List.of("craft_family", f.craftFamily(), f.active(), f.closed()))));
        s.byEmployeeBand().forEach(b -> csv.append(Csv.record(List.of("employee_band", b.employeeBand(), b.active(), ""))));
        s.creationsByYear().forEach(y -> csv.append(Csv.record(List.of("creations", y.year(), y.count(), ""))));
        s.closuresByYear().forEach(y -> csv.append(Csv.record(List.of("closures", y.year(), "", y.count()))));
        s.byCommune().forEach(c -> csv.append(Csv.record(List.of("commune", c.commune(), c.active(), c.closed()))));
        return csv(csv.toString(), "statistics-" + id + ".csv");
    }

    @GET
    @Path("{id}/exports/establishments.csv")
    @Produces(TEXT_CSV)
    @Operation(operationId = "exportTerritoryEstablishments", summary = "Diffusible establishments as CSV",
            description = "The establishments of the territory whose SIRENE diffusion status is O, as CSV (UTF-8, RFC 4180), "
                    + "streamed. Establishments with diffusion P are never exported.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = TEXT_CSV, schema = @Schema(implementation = String.class)))
    public Response exportEstablishments(@PathParam("id") UUID id) {
        territories.get(id, caller);
        RegistryScope scope = sharing.scopeOf(caller);
        StreamingOutput body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(Csv.record(EstablishmentQueries.EXPORT_COLUMNS));
            establishments.forEachExported(id, scope, values -> {
                try {
                    writer.write(Csv.record(values));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return csv(body, "establishments-" + id + ".csv");
    }

    private static Response csv(Object body, String filename) {
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    @Schema(name = "TerritoryPage")
    public record TerritoryPage(List<TerritoryView> items, String next) {
    }
}
