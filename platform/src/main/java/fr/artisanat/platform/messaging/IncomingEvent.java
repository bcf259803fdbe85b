package fr.artisanat.platform.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import fr.artisanat.platform.outbox.CloudEventHeaders;

/**
 * An integration event as a consumer receives it: the CloudEvents attributes from the {@code ce_*} headers of the
 * Kafka record (binary mode, as the outbox relay publishes them) and the data as text.
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String data) {

    /**
     * Consumers ignore the properties they do not know (docs/events.md): a producer may add optional ones within a
     * major version. Dates and instants as the events carry them, RFC 3339.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The event a record carries; a {@link PoisonEvent} when it lacks an id, a type or data, or has a bad time. */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonEvent("Record " + where + " is no CloudEvent in binary mode: it lacks the ce_id or ce_type header");
        }
        if (record.value() == null) {
            throw new PoisonEvent("Event " + id + " (" + type + ") has no data");
        }
        return new IncomingEvent(id, type, CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                time(id, CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME)), record.value());
    }

    private static Instant time(String id, String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEvent("Event " + id + " has a ce_time that is no RFC 3339 instant: " + value, e);
        }
    }

    /** The data read as {@code as}; a {@link PoisonEvent} when it is not JSON of that shape. */
    public <T> T data(Class<T> as) {
        try {
            return JSON.readValue(data, as);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent("Event " + id + " (" + type + ") does not read as " + as.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
