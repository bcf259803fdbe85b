package fr.artisanat.convention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;


import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.HistoryEntry;
import fr.artisanat.convention.domain.HistoryType;

@Schema(name = "HistoryEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(HistoryType type,
        @Schema(description = "Day it took effect; for CREATED and UPDATED, the day it was recorded") LocalDate occurredOn,
        Instant recordedAt,
        // the longest: "Amendment no. N: " and the amendment's summary (2,000), or a termination's reason (1,000)
        @Size(max = 2100) String description,
        UUID fromAuthorityId, UUID toAuthorityId,
        @Schema(description = "Who made the change: the id (token subject) of the caller; absent for what the suite did "
                + "by date (activation, transfer, expiry) and for entries recorded before callers were known")
        @Size(max = 255) String actorId) {

    public static HistoryView of(HistoryEntry h) {
        return new HistoryView(h.type, h.occurredOn, h.recordedAt, h.description, h.fromAuthorityId, h.toAuthorityId,
                h.actorId);
    }
}
