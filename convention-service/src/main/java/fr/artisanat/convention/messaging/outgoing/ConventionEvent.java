package fr.artisanat.convention.messaging.outgoing;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of every event on the {@code conventions} topic: the convention after the change, plus what changed for the
 * event types that need it, and who made the change ({@code actorId}, the caller's token {@code sub}) when a caller
 * did (signed, amended, terminated), not the suite by date. Its contract is the JSON Schema of each type,
 * docs/events/schemas/&lt;type&gt;.schema.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConventionEvent(ConventionEventData convention, AmendmentEventData amendment, Transfer transfer,
        String actorId) {

    /** An authority party passed to the authority that succeeded it, from {@code effectiveDate}. */
    public record Transfer(UUID fromAuthorityId, String fromAuthorityName, UUID toAuthorityId, String toAuthorityName,
            LocalDate effectiveDate) {
    }
}
