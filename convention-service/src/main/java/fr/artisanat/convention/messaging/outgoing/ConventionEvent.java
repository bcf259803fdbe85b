package fr.artisanat.convention.messaging.outgoing;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.artisanat.convention.api.AmendmentView;
import fr.artisanat.convention.api.ConventionView;

/**
 * Data of every event on the {@code conventions} topic: the convention after the change, plus what changed for the
 * event types that need it. JSON Schema and examples: docs/events.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConventionEvent(ConventionView convention, AmendmentView amendment, Transfer transfer) {

    public record Transfer(UUID fromAuthorityId, String fromAuthorityName, UUID toAuthorityId, String toAuthorityName,
            LocalDate effectiveDate) {
    }
}
