package fr.artisanat.convention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;


import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.Amendment;

@Schema(name = "Amendment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentView(UUID id, @Schema(examples = "1") int number, LocalDate effectiveDate, @Size(max = 2000) String summary,
        LocalDate previousEndDate, LocalDate newEndDate, Instant createdAt) {

    public static AmendmentView of(Amendment a) {
        return new AmendmentView(a.id, a.number, a.effectiveDate, a.summary, a.previousEndDate, a.newEndDate, a.createdAt);
    }
}
