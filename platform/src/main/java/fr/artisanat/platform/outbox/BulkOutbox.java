package fr.artisanat.platform.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;

import fr.artisanat.platform.jdbc.BinaryCopy;

/**
 * The events of a transaction that writes thousands of them (the registry's SIRENE import) recorded as <em>bulk
 * rows</em> of the outbox: one row per {@value #EVENTS_PER_ROW} events, holding their ids, aggregates, types and data in
 * order, instead of one row each with its four index entries. The relay publishes each event of a bulk row as one Kafka
 * record, with the key, headers and order a row of its own would have had (ADR 0003):
 * <ul>
 * <li>The outbox numbers its rows 1000 apart; the events of a bulk row take the numbers that follow the
 * row's ({@code seq + 1} for the first). One aggregate's events keep their order across single and bulk rows.</li>
 * <li>A bulk row the relay could not publish whole (an event refused, an outage midway, an event waiting behind a
 * parked one of its aggregate) is <em>split</em> in the relay's transaction: the row keeps the events published
 * before the first one that was not, the others become single rows at their own numbers, published or not, with their
 * attempts. From there on they are retried and parked as any single row; each event stays in the outbox once.</li>
 * </ul>
 */
public final class BulkOutbox {

    /**
     * The most events a bulk row holds: one pass of the relay with its default batch size, and fewer than the 1000
     * numbers the outbox leaves after each row (its sequence's increment, platform migration V3).
     */
    public static final int EVENTS_PER_ROW = 500;

    /** One event: its aggregate (Kafka key, CloudEvents subject), its type with its major version, its data. */
    public record Event(String aggregateId, String type, Object data) {
    }

    private static final String COLUMNS = "seq, topic, source, occurred_at, request_id, event_count, event_ids, aggregate_ids,"
            + " event_types, payloads";
    /** The events of the bulk rows read, in order, each with whether an earlier event of its aggregate is left pending. */
    private static final String UNBUNDLE = """
            select b.seq, e.position, e.event_id, e.aggregate_id, e.event_type, e.payload,
                exists (select 1 from outbox_event earlier
                        where earlier.topic = b.topic and earlier.aggregate_id = e.aggregate_id
                          and earlier.published_at is null and earlier.seq < b.seq + e.position
                          and (earlier.parked_at is not null or earlier.seq <= ?) offset 0)
            from outbox_event b
                cross join lateral unnest(b.event_ids, b.aggregate_ids, b.event_types, b.payloads)
                    with ordinality e(event_id, aggregate_id, event_type, payload, position)
            where b.seq = any(?)
            order by b.seq, e.position""";
    private static final String SPLIT_OFF = """
            insert into outbox_event (seq, event_id, topic, aggregate_id, event_type, source, payload, occurred_at,
                request_id, published_at, attempts, last_error, parked_at, parked_reason)
            values (?, ?, ?, ?, ?, ?, ?::json, ?, ?, case when ? then now() end, ?, ?, ?, ?)""";
    private static final String KEEP_PUBLISHED = """
            update outbox_event set event_count = ?, event_ids = event_ids[1:?], aggregate_ids = aggregate_ids[1:?],
                event_types = event_types[1:?], payloads = payloads[1:?], published_at = now()
            where seq = ?""";

    private BulkOutbox() {
    }

    /**
     * Records {@code events} of {@code topic}, in this order, in the transaction of {@code connection}, each with its
     * data serialized now by {@code writer}. As with {@link Outbox#append}, call it once the aggregates' rows are
     * locked, so that one aggregate's events are numbered in the order their transactions commit.
     *
     * @param source    CloudEvents {@code source} of the service ({@code platform.outbox.source})
     * @param requestId the request the events come from, or null
     */
    public static void append(Connection connection, String source, String topic, String requestId, ObjectWriter writer,
            List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        int rows = (events.size() + EVENTS_PER_ROW - 1) / EVENTS_PER_ROW;
        long[] seqs = new long[rows];
        OffsetDateTime now = null;
        try (PreparedStatement numbers = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('outbox_event', 'seq')), now() from generate_series(1, ?)")) {
            numbers.setInt(1, rows);
            try (ResultSet rs = numbers.executeQuery()) {
                for (int row = 0; rs.next(); row++) {
                    seqs[row] = rs.getLong(1);
                    now = rs.getObject(2, OffsetDateTime.class);
                }
            }
        }
        long occurredAt = BinaryCopy.postgresMicros(now.toEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        ObjectWriter sequenceWriter = writer.withRootValueSeparator("");
        Payloads payloads = new Payloads();
        try (BinaryCopy copy = BinaryCopy.into(connection, "outbox_event", COLUMNS)) {
            for (int row = 0; row < rows; row++) {
                List<Event> part = events.subList(row * EVENTS_PER_ROW, Math.min(events.size(), (row + 1) * EVENTS_PER_ROW));
                List<UUID> ids = new ArrayList<>(part.size());
                List<String> aggregates = new ArrayList<>(part.size());
                List<String> types = new ArrayList<>(part.size());
                for (Event event : part) {
                    ids.add(timeOrderedId());
                    aggregates.add(event.aggregateId());
                    types.add(event.type());
                }
                payloads.serialize(sequenceWriter, part);
                copy.row(10);
                copy.int8(seqs[row]);
                copy.text(topic);
                copy.text(source);
                copy.timestamp(occurredAt);
                copy.text(requestId);
                copy.int4(part.size());
                copy.uuids(ids);
                copy.array(aggregates, BinaryCopy.VARCHAR);
                copy.array(types, BinaryCopy.VARCHAR);
                copy.encodedArray(payloads.bytes(), payloads.ends, part.size(), BinaryCopy.TEXT);
            }
            copy.finish();
        }
    }

    /**
     * The JSON of a row's events, one after the other, and where each ends: one generator for them all rather than
     * one per event, and no array per event (the import serializes hundreds of thousands).
     */
    private static final class Payloads extends ByteArrayOutputStream {

        final int[] ends = new int[EVENTS_PER_ROW];

        Payloads() {
            super(1 << 16);
        }

        void serialize(ObjectWriter writer, List<Event> events) {
            reset();
            int i = 0;
            try (SequenceWriter sequence = writer.writeValues(this)) {
                for (; i < events.size(); i++) {
                    sequence.write(events.get(i).data());
                    sequence.flush();
                    ends[i] = size();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("Event data of " + events.get(Math.min(i, events.size() - 1)).type()
                        + " cannot be serialized", e);
            }
        }

        byte[] bytes() {
            return buf;
        }
    }

    /**
     * A UUID version 7 (RFC 9562): milliseconds since 1970 first, then random bits. Ids that grow with time land at the
     * end of the outbox's unique index when a bulk row is split, instead of anywhere in it.
     */
    private static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = System.currentTimeMillis() << 16 | 0x7000 | random.nextInt(1 << 12);
        long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * The events of {@code rows} (bulk rows read by the relay), in order, as unsaved {@link OutboxEvent}s numbered in
     * their place. {@code after} is where the relay's pass resumed: as for a single row, an event waits while an earlier
     * one of its aggregate is parked or below that point.
     */
    static List<OutboxRelay.Outgoing> unbundle(Connection connection, List<OutboxEvent> rows, long after) throws SQLException {
        Map<Long, OutboxEvent> bySeq = new HashMap<>();
        rows.forEach(row -> bySeq.put(row.seq, row));
        List<OutboxRelay.Outgoing> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(UNBUNDLE)) {
            select.setLong(1, after);
            select.setArray(2, connection.createArrayOf("bigint", bySeq.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent row = bySeq.get(rs.getLong(1));
                    OutboxEvent event = new OutboxEvent();
                    event.seq = row.seq + rs.getLong(2);
                    event.eventId = rs.getObject(3, UUID.class);
                    event.aggregateId = rs.getString(4);
                    event.eventType = rs.getString(5);
                    event.payload = rs.getString(6);
                    event.topic = row.topic;
                    event.source = row.source;
                    event.occurredAt = row.occurredAt;
                    event.requestId = row.requestId;
                    events.add(new OutboxRelay.Outgoing(event, row, rs.getBoolean(7)));
                }
            }
        }
        return events;
    }

    /**
     * Splits a bulk row that was not published whole: it keeps its events before the first one not acknowledged,
     * marked published (or is deleted when that is its first), and the events from there on become single rows at their
     * own numbers, published when acknowledged, with the attempts and errors the relay recorded on them.
     *
     * @param events       the row's events, in order
     * @param acknowledged for each of them, whether Kafka acknowledged it in this pass
     */
    static void split(Connection connection, OutboxEvent row, List<OutboxEvent> events, boolean[] acknowledged)
            throws SQLException {
        int kept = 0;
        while (kept < events.size() && acknowledged[kept]) {
            kept++;
        }
        try (PreparedStatement insert = connection.prepareStatement(SPLIT_OFF)) {
            for (int i = kept; i < events.size(); i++) {
                OutboxEvent event = events.get(i);
                insert.setLong(1, event.seq);
                insert.setObject(2, event.eventId);
                insert.setString(3, event.topic);
                insert.setString(4, event.aggregateId);
                insert.setString(5, event.eventType);
                insert.setString(6, event.source);
                insert.setString(7, event.payload);
                insert.setObject(8, utc(event.occurredAt));
                insert.setString(9, event.requestId);
                insert.setBoolean(10, acknowledged[i]);
                insert.setInt(11, event.attempts);
                insert.setString(12, event.lastError);
                insert.setObject(13, utc(event.parkedAt));
                insert.setString(14, event.parkedReason);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (kept == 0) {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where seq = ?")) {
                delete.setLong(1, row.seq);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(KEEP_PUBLISHED)) {
            for (int parameter = 1; parameter <= 5; parameter++) {
                update.setInt(parameter, kept);
            }
            update.setLong(6, row.seq);
            update.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
