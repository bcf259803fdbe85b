package fr.artisanat.convention.messaging.outgoing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.artisanat.convention.domain.Amendment;

/** The {@code amendment} object of {@code convention.amended.v1}; the end dates only when it changed the term. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentEventData(UUID id, int number, LocalDate effectiveDate, String summary, LocalDate previousEndDate,
        LocalDate newEndDate, Instant createdAt) {

    public static AmendmentEventData of(Amendment a) {
        return new AmendmentEventData(a.id, a.number, a.effectiveDate, a.summary, a.previousEndDate, a.newEndDate,
                a.createdAt);
    }
}
