package fr.artisanat.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event the relay stopped trying because Kafka refused it for a reason of its own, as operators see it. */
@Schema(name = "ParkedEvent", description = "An outbox event parked after its attempts ran out; re-queue it once the cause is fixed")
public record ParkedEventView(
        @Schema(description = "The event id (CloudEvents ce_id)") UUID eventId,
        @Schema(description = "Position in the outbox: events of one aggregate are published in this order") long seq,
        @Schema(examples = "conventions") @Size(max = 255) String topic,
        @Schema(description = "Kafka key and CloudEvents subject") @Size(max = 255) String aggregateId,
        @Schema(examples = "convention.amended.v1") @Size(max = 255) String type,
        Instant occurredAt,
        Instant parkedAt,
        @Schema(description = "Refusals counted against the event (an outage does not count)") int attempts,
        @Schema(description = "Kafka's last refusal", examples = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 1100180 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.")
        @Size(max = 1000) String reason,
        @Schema(description = "Later events of the same aggregate that wait behind this one") long waiting) {
}
