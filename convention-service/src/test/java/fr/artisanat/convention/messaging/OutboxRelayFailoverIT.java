package fr.artisanat.convention.messaging;

import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.convention.Fixtures;
import fr.artisanat.convention.messaging.outgoing.ConventionEvents;
import fr.artisanat.platform.testing.AdminTokenByDefault;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Two instances of the packaged service share the database and the broker, and many changes to a few conventions go
 * through both while one of them fails the hard way. Every event written to the outbox still reaches the topic, each
 * convention's events in outbox order, and an idempotent consumer applies each once.
 */
@ExtendWith(AdminTokenByDefault.class)
class OutboxRelayFailoverIT {

    private static final String SCHEMA = "convention";
    private static final int CONVENTIONS = 3;
    private static final int AMENDMENTS_EACH = 40;
    /** Failures start after a third of the amendments, the kill comes after two thirds: changes flow throughout. */
    private static final int FAIL_AFTER = CONVENTIONS * AMENDMENTS_EACH / 3;
    private static final int KILL_AFTER = CONVENTIONS * AMENDMENTS_EACH * 2 / 3;

    private final ObjectMapper json = new ObjectMapper();
    /** The instances that take requests; one leaves it before it fails. */
    private final List<ServiceProcess> serving = new CopyOnWriteArrayList<>();
    private final AtomicInteger amended = new AtomicInteger();

    /**
     * The relaying instance freezes mid-pass (SIGSTOP, as in a long GC pause) with events sent but not yet marked,
     * changes go on through the other, then the frozen one is killed (SIGKILL).
     */
    @Test
    void theRelayingInstanceFrozenThenKilledMidPassLosesAndReordersNothing() throws Exception {
        List<ServiceProcess> instances = ServiceProcess.startAll(List.of("relay-it-a", "relay-it-b"), Map.of());
        changeConventionsWhile(instances, instances.get(0), db -> {
            ServiceProcess relaying = instance(instances, awaitRelayHolder(db, null));
            serving.remove(relaying);
            relaying.freeze();
            awaitAmendmentsOrGiveUp(KILL_AFTER);
            relaying.kill();
        });
    }

    /**
     * One instance cannot reach Kafka (a network partition on its side only): its relay passes hold the relay while
     * its sends wait for the broker, which must neither let the other instance publish later events ahead of the ones
     * it holds nor park anything. Then it is killed (SIGKILL) while it holds the relay.
     */
    @Test
    void anInstanceCutOffFromKafkaHoldsNoEventBackAndDiesWithoutLoss() throws Exception {
        int nothingListens = ServiceProcess.freePort();
        ServiceProcess cutOff = ServiceProcess.start("relay-it-cut-off",
                Map.of("platform.outbox.bootstrap-servers", "127.0.0.1:" + nothingListens));
        ServiceProcess healthy = ServiceProcess.start("relay-it-healthy", Map.of());
        List<ServiceProcess> instances = List.of(cutOff, healthy);
        changeConventionsWhile(instances, healthy, db -> {
            awaitAmendmentsOrGiveUp(KILL_AFTER);
            awaitRelayHolder(db, cutOff.name());
            serving.remove(cutOff);
            cutOff.kill();
        });
    }

    /** What a test does to the instances while the amendments flow, from a third of them on. */
    private interface Failure {
        void strike(Connection db) throws Exception;
    }

    private void changeConventionsWhile(List<ServiceProcess> instances, ServiceProcess setup, Failure failure) throws Exception {
        serving.addAll(instances);
        ExecutorService writers = Executors.newFixedThreadPool(CONVENTIONS);
        try (Connection db = SuiteDatabase.connect(SCHEMA)) {
            RestAssured.port = setup.port();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONVENTIONS; i++) {
                ids.add(Fixtures.activeConvention());
            }
            List<Future<?>> writing = ids.stream().<Future<?>>map(id -> writers.submit(() -> amendMany(id))).toList();
            await().atMost(Duration.ofMinutes(2)).until(() -> amended.get() >= FAIL_AFTER);
            failure.strike(db);
            for (Future<?> done : writing) {
                done.get(3, TimeUnit.MINUTES);
            }

            await().atMost(Duration.ofMinutes(3)).until(() -> unpublished(db, ids) == 0);
            Map<String, List<String>> written = outboxOrder(db, ids);
            Set<String> expected = new HashSet<>();
            written.values().forEach(expected::addAll);
            assertEquals(CONVENTIONS * (2 + AMENDMENTS_EACH), expected.size(), "signed, activated and every amendment");
            assertEquals(0, parked(db, ids), "a broker out of reach is no reason to park an event");

            List<ConsumerRecord<String, String>> arrived = TopicReader.awaitUntil(ConventionEvents.TOPIC,
                    r -> ids.contains(r.key()), found -> eventIds(found).containsAll(expected), Duration.ofMinutes(2));
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(eventIds(arrived));
            assertEquals(Set.of(), missing, "events written to the outbox that never reached the topic");

            IdempotentConsumer consumer = new IdempotentConsumer();
            arrived.forEach(consumer::accept);
            for (String id : ids) {
                assertEquals(written.get(id), consumer.applied(id), "convention " + id + ": events applied in outbox order, each once");
                assertTrue(consumer.versionsIncrease(id), "convention " + id + ": versions " + consumer.versions(id));
            }
        } finally {
            writers.shutdownNow();
            instances.forEach(ServiceProcess::close);
        }
    }

    /**
     * Amendments alternate between the serving instances. One sent to the instance that froze hangs until it is
     * killed, then goes to the other with the same Idempotency-Key: replayed if it had committed, written if not.
     */
    private void amendMany(String conventionId) {
        for (int n = 1; n <= AMENDMENTS_EACH; n++) {
            String idempotencyKey = UUID.randomUUID().toString();
            Map<String, String> body = Map.of("effectiveDate", today().toString(), "summary", "Avenant " + n);
            for (int attempt = 0; ; attempt++) {
                ServiceProcess instance = serving.get((n + attempt) % serving.size());
                try {
                    given().port(instance.port()).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                            .body(body).post("/v1/conventions/" + conventionId + "/amendments")
                            .then().statusCode(201);
                    break;
                } catch (Exception e) { // RestAssured rethrows the connection's IOException unchecked
                    if (serving.contains(instance) || attempt > 5) {
                        throw new IllegalStateException("amendment " + n + " of " + conventionId + " failed", e);
                    }
                }
            }
            amended.incrementAndGet();
        }
    }

    /**
     * Requests the frozen instance was serving hang, and so do those waiting for a convention it locked: when every
     * writer is held up that way, the kill is what lets them go on.
     */
    private void awaitAmendmentsOrGiveUp(int count) {
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> amended.get() >= count);
        } catch (ConditionTimeoutException e) {
            // every writer waits on the frozen instance
        }
    }

    /** The instance whose relay holds the service's relay lock (the given one, if named): it is relaying right now. */
    private static String awaitRelayHolder(Connection db, String expected) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> SuiteDatabase.lockHolder(db, SCHEMA, "outbox-relay"),
                        holder -> holder.isPresent() && (expected == null || holder.get().equals(expected)))
                .orElseThrow();
    }

    private static ServiceProcess instance(List<ServiceProcess> instances, String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static long unpublished(Connection db, List<String> ids) throws Exception {
        return count(db, "published_at is null", ids);
    }

    private static long parked(Connection db, List<String> ids) throws Exception {
        return count(db, "parked_at is not null or attempts > 0", ids);
    }

    private static long count(Connection db, String condition, List<String> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from outbox_event where (" + condition + ") and aggregate_id = any(?)")) {
            query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Event ids per convention, in the order the outbox holds them. */
    private static Map<String, List<String>> outboxOrder(Connection db, List<String> ids) throws Exception {
        Map<String, List<String>> order = new LinkedHashMap<>();
        ids.forEach(id -> order.put(id, new ArrayList<>()));
        try (PreparedStatement query = db.prepareStatement(
                "select aggregate_id, event_id from outbox_event where aggregate_id = any(?) order by seq")) {
            query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    order.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        return order;
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
        return ids;
    }

    /** What a consumer in another service does: skip an event id already processed, apply the others in order. */
    private final class IdempotentConsumer {

        private final Set<String> processed = new HashSet<>();
        private final Map<String, List<String>> applied = new LinkedHashMap<>();
        private final Map<String, List<Long>> versions = new LinkedHashMap<>();

        void accept(ConsumerRecord<String, String> record) {
            if (!processed.add(TopicReader.header(record, "ce_id"))) {
                return;
            }
            applied.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(TopicReader.header(record, "ce_id"));
            try {
                versions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(json.readTree(record.value()).path("convention").path("version").asLong());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> applied(String key) {
            return applied.getOrDefault(key, List.of());
        }

        List<Long> versions(String key) {
            return versions.getOrDefault(key, List.of());
        }

        boolean versionsIncrease(String key) {
            List<Long> seen = versions(key);
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i) <= seen.get(i - 1)) {
                    return false;
                }
            }
            return true;
        }
    }
}
