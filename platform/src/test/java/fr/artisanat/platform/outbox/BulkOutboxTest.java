package fr.artisanat.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.testing.TopicReader;
import fr.artisanat.platform.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bulk rows (ADR 0003): the events of a transaction written as few outbox rows are each published as a Kafka record of
 * its own, with the key, headers and place in its aggregate's order that a row of its own would give, each kept once in
 * the outbox. A bulk row whose publishing fails midway is split, and every event still arrives, in order per key. The
 * relay is run by hand (its schedule is off), so that each pass is one the test sees.
 */
@QuarkusTest
@TestProfile(OutboxBulkWriteTest.RelayByHand.class)
class BulkOutboxTest {

    private static final String TOPIC = "platform-test-bulk";
    private static final String SOURCE = "/platform-test";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ParkedEvents parkedEvents;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Events of the aggregates {@code keys}, round robin, numbered from {@code from}: {"n": i}. */
    private static List<BulkOutbox.Event> events(List<String> keys, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(n -> new BulkOutbox.Event(keys.get(n % keys.size()), "test.happened.v1", Map.of("n", n))).toList();
    }

    private static List<String> aggregates(String name, int count) {
        String run = UUID.randomUUID().toString();
        return IntStream.range(0, count).mapToObj(i -> name + "-" + run + "-" + i).toList();
    }

    /** Appends in a transaction of its own and commits it. */
    private void appendBulk(String requestId, List<BulkOutbox.Event> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            BulkOutbox.append(connection, SOURCE, TOPIC, requestId, json.writer(), events);
            connection.commit();
        }
    }

    private void appendSingle(String aggregate, int n) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, aggregate, "test.happened.v1", Map.of("n", n)));
    }

    /** Each aggregate's records, as the topic holds them, once {@code count} of them have arrived. */
    private static Map<String, List<ConsumerRecord<String, String>>> arrived(List<String> keys, int count) {
        Map<String, List<ConsumerRecord<String, String>>> byKey = new LinkedHashMap<>();
        keys.forEach(key -> byKey.put(key, new ArrayList<>()));
        TopicReader.awaitMatching(TOPIC, r -> keys.contains(r.key()), count, Duration.ofMinutes(1))
                .forEach(r -> byKey.get(r.key()).add(r));
        return byKey;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<String> numbered(IntStream n) {
        return n.mapToObj(i -> "{\"n\":" + i + "}").toList();
    }

    @Test
    void eachEventOfBulkRowsIsARecordOfItsOwnInItsPlaceAmongTheSingleRows() throws Exception {
        relay.relay(); // what earlier tests left pending
        List<String> keys = aggregates("bulk", 3);
        String requestId = "bulk-" + UUID.randomUUID();
        appendSingle(keys.get(0), -1);
        appendBulk(requestId, events(keys, 0, 1200));
        appendSingle(keys.get(0), 1200);

        List<long[]> rows = rows(requestId);
        assertEquals(List.of(500L, 500L, 200L), rows.stream().map(row -> row[1]).toList(), "events per bulk row");
        Map<UUID, String> stored = storedEvents(keys);
        assertEquals(1202, stored.size(), "each event once in the outbox, bulk rows unnested");

        relay.relay();
        assertEquals(0, unpublished(keys), "every row published");
        Map<String, List<ConsumerRecord<String, String>>> arrived = arrived(keys, 1202);
        assertEquals(numbered(IntStream.concat(IntStream.of(-1), IntStream.rangeClosed(0, 1200).filter(n -> n % 3 == 0))),
                values(arrived.get(keys.get(0))), "the single before, the bulk events in order, the single after");
        assertEquals(numbered(IntStream.range(0, 1200).filter(n -> n % 3 == 1)), values(arrived.get(keys.get(1))));
        assertEquals(numbered(IntStream.range(0, 1200).filter(n -> n % 3 == 2)), values(arrived.get(keys.get(2))));

        ConsumerRecord<String, String> record = arrived.get(keys.get(1)).get(0);
        String eventId = TopicReader.header(record, "ce_id");
        assertEquals(keys.get(1) + " test.happened.v1 {\"n\":1}", stored.get(UUID.fromString(eventId)), "ce_id is the event's id");
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertEquals(SOURCE, TopicReader.header(record, "ce_source"));
        assertEquals("test.happened.v1", TopicReader.header(record, "ce_type"));
        assertEquals(keys.get(1), TopicReader.header(record, "ce_subject"));
        assertNotNull(TopicReader.header(record, "ce_time"));
        assertEquals("application/json", TopicReader.header(record, "content-type"));
        assertEquals(requestId, TopicReader.header(record, RequestIds.HEADER));
    }

    @Test
    void aBulkRowRefusedMidwayIsSplitItsAggregateWaitsTheOthersGoOnAndEveryEventArrivesInOrder() throws Exception {
        relay.relay();
        List<String> keys = aggregates("split", 3);
        String poisoned = keys.get(0);
        List<BulkOutbox.Event> events = new ArrayList<>(events(keys, 0, 900));
        // Over the producer's max.request.size (1 MiB): refused at once, after the 300th event of the first row was sent.
        events.set(300, new BulkOutbox.Event(poisoned, "test.happened.v1", Map.of("blob", "x".repeat(1_100_000))));
        appendBulk(null, events);
        appendSingle(poisoned, 900);

        relay.relay(); // the first row: refused at its 301st event, split
        relay.relay(); // refused again (max-attempts 2): parked; the second row: the poisoned aggregate's events wait
        relay.relay();
        UUID parked = parkedEventOf(poisoned);
        assertNotNull(parked, "the refused event is parked as a single row");
        Map<String, List<ConsumerRecord<String, String>>> arrived = arrived(keys, 300 + 300 + 100);
        assertEquals(numbered(IntStream.range(0, 300).filter(n -> n % 3 == 0)), values(arrived.get(poisoned)),
                "the poisoned aggregate up to the refused event");
        assertEquals(numbered(IntStream.range(0, 900).filter(n -> n % 3 == 1)), values(arrived.get(keys.get(1))),
                "the other aggregates go on");
        assertEquals(numbered(IntStream.range(0, 900).filter(n -> n % 3 == 2)), values(arrived.get(keys.get(2))));
        assertEquals(901, storedEvents(keys).size(), "each event still once in the outbox");
        assertEquals(1 + 199 + 1, unpublished(keys), "the parked event and the 199 of its aggregate behind it, then the single");

        // The cause is fixed (the event made small enough, as a raised size limit would let it through).
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "update outbox_event set payload = '{\"n\":300}' where event_id = ?")) {
                update.setObject(1, parked);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        parkedEvents.requeue(parked);
        relay.relay();
        assertEquals(0, unpublished(keys));
        assertEquals(numbered(IntStream.rangeClosed(0, 900).filter(n -> n % 3 == 0)),
                values(arrived(keys, 901).get(poisoned)), "then the rest of the aggregate, in order, each once");
    }

    @Test
    void aBulkRowCommittedAfterTheRelayPassedItsNumberIsPublishedBeforeTheLaterEventsOfItsAggregates() throws Exception {
        relay.relay();
        List<String> keys = aggregates("late", 2);
        String late = keys.get(0);
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            BulkOutbox.append(slow, SOURCE, TOPIC, null, json.writer(), events(List.of(late), 0, 1));
            appendSingle(keys.get(1), 0);
            relay.relay(); // publishes the other aggregate's event: the relay now resumes after it, past the bulk row
            appendSingle(late, 1);
            slow.commit();
        }
        relay.relay();
        relay.relay();
        assertEquals(numbered(IntStream.range(0, 2)), values(arrived(keys, 3).get(late)));
    }

    @Test
    void aPassThatFailsAfterSendingPublishesTheBulkRowAgainInOrder() throws Exception {
        relay.relay();
        List<String> keys = aggregates("again", 2);
        String requestId = "again-" + UUID.randomUUID();
        appendBulk(requestId, events(keys, 0, 10));
        // As if the instance died between Kafka's acknowledgements and its commit: the pass's transaction fails.
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    create or replace function fail_marking_published() returns trigger language plpgsql as $$
                    begin raise exception 'the relay died before its commit'; end $$""");
            ddl.execute("create trigger fail_marking_published before update on outbox_event for each row"
                    + " when (new.request_id = '" + requestId + "') execute function fail_marking_published()");
            try {
                assertThrows(RuntimeException.class, relay::relay);
            } finally {
                ddl.execute("drop trigger fail_marking_published on outbox_event");
                ddl.execute("drop function fail_marking_published()");
            }
        }
        assertEquals(List.of(10L), rows(requestId).stream().map(row -> row[1]).toList(), "the bulk row is still there, whole");
        assertEquals(10, unpublished(keys), "and pending");
        relay.relay();
        assertEquals(0, unpublished(keys));
        List<ConsumerRecord<String, String>> twice = TopicReader.awaitMatching(TOPIC, r -> keys.contains(r.key()), 20,
                Duration.ofMinutes(1));
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            int parity = k;
            List<String> once = numbered(IntStream.range(0, 10).filter(n -> n % 2 == parity));
            List<String> expected = new ArrayList<>(once);
            expected.addAll(once);
            assertEquals(expected, values(twice.stream().filter(r -> key.equals(r.key())).toList()),
                    "at least once: sent again in full, in the same order");
        }
    }

    /** {seq, event_count} of the bulk rows of the request, in order. */
    private List<long[]> rows(String requestId) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select seq, event_count from outbox_event where request_id = ? and event_ids is not null order by seq")) {
            select.setString(1, requestId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] { rs.getLong(1), rs.getLong(2) });
                }
            }
        }
        return rows;
    }

    /** Each event of these aggregates in the outbox: id to "aggregate type payload". */
    private Map<UUID, String> storedEvents(List<String> keys) throws SQLException {
        Map<UUID, String> events = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select event_id, aggregate_id || ' ' || event_type || ' ' || payload::text from outbox_event_each
                where aggregate_id = any(?) order by seq""")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    assertNull(events.put(rs.getObject(1, UUID.class), rs.getString(2)), "an event id twice");
                }
            }
        }
        return events;
    }

    private long unpublished(List<String> keys) throws SQLException {
        return count("select count(*) from outbox_event_each where aggregate_id = any(?) and published_at is null", keys);
    }

    private UUID parkedEventOf(String aggregate) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select event_id from outbox_event where aggregate_id = ? and parked_at is not null")) {
            select.setString(1, aggregate);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private long count(String sql, List<String> keys) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
