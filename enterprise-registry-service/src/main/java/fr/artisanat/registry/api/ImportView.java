package fr.artisanat.registry.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.domain.ImportJob;

/** An import job: progress while it runs, report when done. */
@Schema(name = "Import")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(UUID id, @Size(max = 1000) String source, ImportJob.Status status, Instant startedAt, Instant finishedAt,
        @Schema(description = "Data rows read so far") long rowsRead,
        @Schema(description = "Rows in a tracked territory with a craft activity") long kept,
        long inserted, long updated, long closed, long unchanged,
        @Schema(description = "Rows refused, see the rejections") long rejected, @Size(max = 2000) String error) {

    public static ImportView of(ImportJob job) {
        return new ImportView(job.id, job.source, job.status, job.startedAt, job.finishedAt, job.rowsRead, job.kept,
                job.inserted, job.updated, job.closed, job.unchanged, job.rejected, job.error);
    }
}
