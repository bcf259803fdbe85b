package fr.artisanat.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * An integration event waiting in the service's database until the relay has published it to Kafka; or a bulk row,
 * whose events are in arrays this entity does not map ({@link BulkOutbox}): it has no event id, aggregate, type or
 * payload of its own.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Insertion order: the relay publishes in this order, which keeps each aggregate's events in order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** Null for a bulk row. */
    @Column(name = "event_id", unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id")
    public String aggregateId;

    @Column(name = "event_type")
    public String eventType;

    @Column(nullable = false)
    public String source;

    // Written as text cast to json, byte for byte: a JSON type mapping would pass through jsonb and reorder keys.
    @ColumnTransformer(write = "?::json")
    @Column(columnDefinition = "json")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Failures that were the event's own (refused by Kafka while the broker answered); an outage does not count. */
    @Column(nullable = false)
    public int attempts;

    /** The last failure of any kind, outages included. */
    @Column(name = "last_error")
    public String lastError;

    /** Set once the attempts ran out: the relay leaves the event, and the later events of its aggregate, until re-queued. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "parked_reason")
    public String parkedReason;

    /** 1, or the events a bulk row holds. */
    @Column(name = "event_count", nullable = false)
    public int eventCount = 1;

    /** A bulk row: its events are read from its arrays when it is published. */
    boolean bulk() {
        return eventId == null;
    }
}
