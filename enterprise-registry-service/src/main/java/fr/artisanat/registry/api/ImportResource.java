package fr.artisanat.registry.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.security.Roles;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.domain.ImportJob;
import fr.artisanat.registry.importer.SireneImporter;
import fr.artisanat.registry.repository.ImportJobRepository;

/**
 * SIRENE imports as jobs. Re-sending the same file is harmless (nothing changes), so these POSTs need no
 * Idempotency-Key. Administrators only: an import changes every partner's part of the registry at once, and the
 * national SIRENE file is the operators' to load (docs/registry.md).
 */
@jakarta.ws.rs.Path("/v1/imports")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Imports", description = "Imports of SIRENE StockEtablissement files (CSV, optionally gzip-compressed); administrators only")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Schema(name = "ImportFromPath")
    public record ImportFromPath(
            @NotBlank @Size(max = 1000) @Schema(description = "File in the service's import folder", examples = "StockEtablissement_utf8.csv.gz") String path) {
    }

    @Inject
    SireneImporter importer;

    @Inject
    RegistryConfig config;

    @Inject
    ImportJobRepository jobs;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadImport", summary = "Import an uploaded SIRENE file",
            description = "Starts an import of the uploaded file (form field 'file'; CSV or .gz, 48-column or newer layout) "
                    + "and returns at once; follow its progress at the Location. One import runs at a time (409 otherwise).")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "422", description = "No file in the multipart field 'file', or no such file in the import folder")
    public Response upload(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file) throws IOException {
        if (file == null) {
            throw InvalidCommand.of("file", "send the SIRENE file in the multipart field 'file'");
        }
        // The upload is deleted when the request ends; the job outlives it, so it reads its own copy.
        Path folder = Files.createDirectories(Path.of(config.importer().directory(), "uploads"));
        Path copy = Files.move(file.uploadedFile(), folder.resolve(UUID.randomUUID() + "-" + safeName(file.fileName())),
                StandardCopyOption.REPLACE_EXISTING);
        UUID id;
        try {
            id = importer.start("upload:" + file.fileName(), () -> new DeleteOnClose(copy));
        } catch (RuntimeException notStarted) {
            // refused (another import is running) or failed: no job will read the copy, nor delete it
            Files.deleteIfExists(copy);
            throw notStarted;
        }
        return accepted(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importFromPath", summary = "Import a SIRENE file from the server",
            description = "Starts an import of a file already in the service's import folder (for the national stock, "
                    + "too large to upload), and returns at once.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "422", description = "No file in the multipart field 'file', or no such file in the import folder")
    public Response fromPath(@Valid @NotNull ImportFromPath request) {
        Path folder = Path.of(config.importer().directory()).toAbsolutePath().normalize();
        Path file = folder.resolve(request.path()).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            throw InvalidCommand.of("path", "no such file in the import folder " + folder);
        }
        return accepted(importer.start("path:" + request.path(), () -> Files.newInputStream(file)));
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    @Operation(operationId = "getImport", summary = "Progress or report of an import",
            description = "Rows read, kept, inserted, updated, closed, unchanged and rejected, updated as the import runs.")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportView.class)))
    public ImportView get(@PathParam("id") UUID id) {
        return ImportView.of(job(id));
    }

    @GET
    @jakarta.ws.rs.Path("{id}/rejections")
    @Operation(operationId = "listImportRejections", summary = "Rejected lines of an import",
            description = "Each refused line with its line number in the file and the reason, in line order.")
    @APIResponse(responseCode = "200", description = "Rejections", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Rejection.class)))
    public List<Rejection> rejections(@PathParam("id") UUID id,
            @QueryParam("afterLine") @DefaultValue("0") @Min(0) long afterLine,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        job(id);
        return jobs.rejections(id, afterLine, limit).stream()
                .map(r -> new Rejection(r.line(), r.siret(), r.reason())).toList();
    }

    @Schema(name = "ImportRejection")
    public record Rejection(long line, @Size(max = 20) String siret, @Size(max = 300) String reason) {
    }

    private ImportJob job(UUID id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> new NotFound("Import", id));
    }

    private Response accepted(UUID id) {
        return Response.accepted(ImportView.of(job(id))).location(URI.create("/v1/imports/" + id)).build();
    }

    private static String safeName(String name) {
        return name == null ? "upload" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Reads the uploaded copy and deletes it once the import is done with it. */
    static final class DeleteOnClose extends java.io.FilterInputStream {
        private final Path file;

        DeleteOnClose(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            super.close();
            Files.deleteIfExists(file);
        }
    }
}
