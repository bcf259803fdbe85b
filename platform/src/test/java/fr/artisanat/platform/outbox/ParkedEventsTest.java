package fr.artisanat.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Poison events: Kafka refuses an event for a reason of its own. It is parked after its attempts, visible (health
 * group, readiness data, metric, operations list), its aggregate's later events wait, the others go on, and an
 * operator re-queues it once the cause is fixed.
 */
@QuarkusTest
class ParkedEventsTest {

    private static final String TOPIC = "platform-test-outbox";

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    ParkedEvents parkedEvents;

    @Inject
    EntityManager em;

    private final List<String> aggregates = new ArrayList<>();

    @AfterEach
    void forgetTheEventsOfThisTest() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_event where aggregate_id in (:ids)")
                .setParameter("ids", aggregates).executeUpdate());
        parkedEvents.refresh();
    }

    private String aggregate() {
        String id = "aggregate-" + UUID.randomUUID();
        aggregates.add(id);
        return id;
    }

    private UUID append(String topic, String aggregateId, Object payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(topic, aggregateId, "test.happened.v1", payload));
    }

    private OutboxEvent row(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select e from OutboxEvent e where e.eventId = :id", OutboxEvent.class)
                .setParameter("id", eventId).getSingleResult());
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicReader.header(r, "ce_id")).toList();
    }

    @Test
    void aTooLargeEventIsParkedItsAggregateWaitsTheOthersGoOnAndItIsRequeuedOnceFixed() {
        String poisoned = aggregate();
        String other = aggregate();
        // Over the producer's max.request.size (1 MiB): refused at once, whatever the broker's health.
        UUID tooLarge = append(TOPIC, poisoned, Map.of("blob", "x".repeat(1_100_000)));
        UUID behind = append(TOPIC, poisoned, Map.of("n", 2));
        UUID elsewhere = append(TOPIC, other, Map.of("n", 1));

        await().atMost(Duration.ofMinutes(1)).until(() -> row(tooLarge).parkedAt != null);
        OutboxEvent parked = row(tooLarge);
        assertEquals(config.maxAttempts(), parked.attempts);
        assertTrue(parked.parkedReason.contains("RecordTooLargeException"), parked.parkedReason);
        assertEquals(List.of(elsewhere.toString()), eventIds(TopicReader.awaitMatching(TOPIC, r -> other.equals(r.key()), 1,
                Duration.ofMinutes(1))), "another aggregate's event goes on");
        OutboxEvent waiting = row(behind);
        assertNull(waiting.publishedAt, "the next event of the aggregate does not overtake the parked one");
        assertNull(waiting.parkedAt);
        assertEquals(0, waiting.attempts);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/group/outbox").then()
                .statusCode(503).body("checks[0].status", equalTo("DOWN"))
                .body("checks[0].data.parked", greaterThanOrEqualTo(1)));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.degraded", equalTo(true));
        assertTrue(metric("outbox_events_parked") >= 1);
        given().get("/admin/outbox/parked?limit=100").then().statusCode(200)
                .body("items.eventId", hasItem(tooLarge.toString()))
                .body("items.find { it.eventId == '" + tooLarge + "' }.waiting", equalTo(1))
                .body("items.find { it.eventId == '" + tooLarge + "' }.reason", org.hamcrest.Matchers.containsString("RecordTooLarge"));

        // The cause is fixed (here the event is made small enough, as a raised size limit would let it through).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbox_event set payload = '{\"n\":1}' where event_id = :id")
                .setParameter("id", tooLarge).executeUpdate());
        given().post("/admin/outbox/parked/" + tooLarge + "/requeue").then().statusCode(204);

        List<ConsumerRecord<String, String>> arrived = TopicReader.awaitMatching(TOPIC, r -> poisoned.equals(r.key()), 2,
                Duration.ofMinutes(1));
        assertEquals(List.of(tooLarge, behind).stream().map(UUID::toString).toList(), eventIds(arrived),
                "the re-queued event first, then the one that waited behind it");
        await().atMost(Duration.ofSeconds(30)).until(() -> row(behind).publishedAt != null);
    }

    @Test
    void anEventForAnInvalidTopicIsParkedAndRequeueAllPutsItBack() {
        UUID invalid = append("not a valid topic!", aggregate(), Map.of("n", 1));
        await().atMost(Duration.ofMinutes(1)).until(() -> row(invalid).parkedAt != null);
        assertTrue(row(invalid).parkedReason.contains("InvalidTopicException"), row(invalid).parkedReason);

        var firstParkedAt = row(invalid).parkedAt;
        given().post("/admin/outbox/parked/requeue").then().statusCode(200).body("requeued", greaterThanOrEqualTo(1));
        OutboxEvent requeued = row(invalid);
        assertTrue(requeued.parkedAt == null || requeued.parkedAt.isAfter(firstParkedAt), "back in the queue, tried again");
    }

    @Test
    void anEventForATopicThatCannotBeCreatedIsParkedWhileTheOtherTopicsGoOn() throws Exception {
        // The broker auto-creates topics, but not one whose name collides with an existing topic ('.' and '_' are the
        // same in metric names): its metadata never comes, as for a missing topic when auto-creation is off.
        String existing = "platform.test.collision." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(existing, 1, (short) 1))).all().get(1, TimeUnit.MINUTES);
        }
        String elsewhere = aggregate();
        UUID missing = append(existing.replace('.', '_'), aggregate(), Map.of("n", 1));
        UUID other = append(TOPIC, elsewhere, Map.of("n", 1));

        await().atMost(Duration.ofMinutes(3)).until(() -> row(missing).parkedAt != null);
        assertTrue(row(missing).parkedReason.contains("not present in metadata"), row(missing).parkedReason);
        assertEquals(List.of(other.toString()), eventIds(TopicReader.awaitMatching(TOPIC, r -> elsewhere.equals(r.key()), 1,
                Duration.ofMinutes(1))), "the events of other topics go on");
    }

    @Test
    void requeueingAnEventThatIsNotParkedIsA404Problem() {
        given().post("/admin/outbox/parked/" + UUID.randomUUID() + "/requeue").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/admin/outbox/parked?limit=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/admin/outbox/parked?cursor=not-a-cursor").then().statusCode(400).contentType("application/problem+json");
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in /q/metrics"));
    }
}
