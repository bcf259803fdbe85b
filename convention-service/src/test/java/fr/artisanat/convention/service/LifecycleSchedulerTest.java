package fr.artisanat.convention.service;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.convention.TestClock;
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The date-driven transitions, made by the scheduler alone while the test moves the clock: the test only reads
 * through the API, no request moves a convention along.
 */
@QuarkusTest
@TestProfile(LifecycleSchedulerTest.MovableClock.class)
class LifecycleSchedulerTest {

    /** Its own application instance: the movable clock, and a scheduler passing every second instead of every 15 minutes. */
    public static class MovableClock implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convention.lifecycle-interval", "1s");
        }
    }

    @Inject
    TestClock clock;

    @Inject
    LifecyclePasses passes;

    @Inject
    EntityManager em;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void signedConventionBecomesActiveOnItsStartDateAndNotBefore() {
        LocalDate start = today().plusDays(10);
        String id = signedConvention(start, start.plusYears(1));
        assertEquals("SIGNED", convention(id).getString("status"));

        clock.moveTo(start.minusDays(1));
        passes.awaitOneStartedNow();
        assertEquals("SIGNED", convention(id).getString("status"), "the day before its start date");

        clock.moveTo(start);
        passes.awaitOneStartedNow();
        assertEquals("ACTIVE", convention(id).getString("status"), "on its start date");
        JsonPath history = history(id);
        assertEquals(List.of("CREATED", "SIGNATURE_RECORDED", "SIGNATURE_RECORDED", "SIGNED", "ACTIVATED"), history.getList("type"));
        assertEquals(start.toString(), history.getString("[4].occurredOn"));
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1"), eventTypes(id));
    }

    @Test
    void activeConventionExpiresTheDayAfterItsEndDateExactlyOnce() {
        LocalDate end = today().plusDays(10);
        String id = signedConvention(today(), end);
        assertEquals("ACTIVE", convention(id).getString("status"));

        clock.moveTo(end);
        passes.awaitOneStartedNow();
        assertEquals("ACTIVE", convention(id).getString("status"), "on its last day");

        clock.moveTo(end.plusDays(1));
        passes.awaitOneStartedNow();
        assertEquals("EXPIRED", convention(id).getString("status"), "the day after its end date");

        passes.awaitOneStartedNow();
        clock.moveTo(end.plusDays(2));
        passes.awaitOneStartedNow();
        List<String> types = history(id).getList("type");
        assertEquals(List.of("CREATED", "SIGNATURE_RECORDED", "SIGNATURE_RECORDED", "SIGNED", "ACTIVATED", "EXPIRED"), types);
        assertEquals(end.plusDays(1).toString(), history(id).getString("[5].occurredOn"));
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1", "convention.expired.v1"), eventTypes(id),
                "one expired event, however many passes saw the convention over");
    }

    private static String signedConvention(LocalDate start, LocalDate end) {
        Map<String, Object> body = frameworkConvention(createAuthority("CA du calendrier", "26362"), createChamber("CMA du calendrier"), start);
        body.remove("durationYears");
        body.put("endDate", end.toString());
        body.put("fundingCommitments", List.of());
        String id = create(body).then().statusCode(201).extract().path("id");
        signAll(id, today());
        return id;
    }

    private static JsonPath convention(String id) {
        return given().get("/v1/conventions/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath history(String id) {
        return given().get("/v1/conventions/" + id + "/history").then().statusCode(200).extract().jsonPath();
    }

    /** The types of every event of the convention on the topic, once the outbox has published all of them. */
    private List<String> eventTypes(String id) {
        await().atMost(Duration.ofMinutes(2)).until(() -> QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(e) from OutboxEvent e where e.aggregateId = :id and e.publishedAt is null", Long.class)
                .setParameter("id", id).getSingleResult()) == 0);
        List<ConsumerRecord<String, String>> records = TopicReader.allMatching("conventions", r -> id.equals(r.key()),
                Duration.ofSeconds(5));
        return records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }
}
