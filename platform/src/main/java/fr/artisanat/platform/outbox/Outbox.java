package fr.artisanat.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.web.RequestIds;

/**
 * Records an integration event in the caller's transaction. Nothing is sent here: the {@link OutboxRelay} publishes
 * it once the transaction has committed, so a change and its event are never separated.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    /**
     * @param topic       the aggregate's stream, e.g. {@code conventions}
     * @param aggregateId Kafka key and CloudEvents subject
     * @param type        CloudEvents type with its major version, e.g. {@code convention.signed.v1}
     * @param payload     serialized to JSON now, so the event shows the state at the time of the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateId, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.aggregateId = aggregateId;
        event.eventType = type;
        event.source = config.source();
        event.occurredAt = Instant.now();
        event.requestId = RequestIds.current();
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + type + " cannot be serialized", e);
        }
        em.persist(event);
        return event.eventId;
    }
}
