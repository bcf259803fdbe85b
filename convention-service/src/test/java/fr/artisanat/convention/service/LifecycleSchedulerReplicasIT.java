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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.convention.messaging.outgoing.ConventionEvents;
import fr.artisanat.platform.testing.AdminTokenByDefault;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.TopicReader;
import io.restassured.RestAssured;

/**
 * Conventions that end today are signed through one instance. Then two instances whose date is tomorrow
 * ({@code convention.clock-offset}) run the lifecycle scheduler at the same time, every second: each convention
 * expires exactly once, with exactly one {@code convention.expired.v1} event.
 */
@ExtendWith(AdminTokenByDefault.class)
class LifecycleSchedulerReplicasIT {

    private static final int CONVENTIONS = 10;
    private static final String EXPIRED = "convention.expired.v1";

    @Test
    void twoSchedulersExpireEachConventionOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        try (ServiceProcess setup = ServiceProcess.start("expiry-it-today", Map.of())) {
            RestAssured.port = setup.port();
            for (int i = 0; i < CONVENTIONS; i++) {
                ids.add(activeConventionEndingToday());
            }
        }

        List<ServiceProcess> tomorrow = ServiceProcess.startAll(List.of("expiry-it-a", "expiry-it-b"),
                Map.of("convention.clock-offset", "P1D", "convention.lifecycle-interval", "1s"));
        try (Connection db = SuiteDatabase.connect("convention")) {
            RestAssured.port = tomorrow.get(0).port();
            await().atMost(Duration.ofMinutes(2)).until(() -> ids.stream().allMatch(id -> "EXPIRED".equals(status(id))));
            await().atMost(Duration.ofMinutes(2)).until(() -> unpublishedExpiries(db, ids) == 0);
            // Read for a while: both schedulers go on passing over the conventions meanwhile.
            List<ConsumerRecord<String, String>> expiries = TopicReader.allMatching(ConventionEvents.TOPIC,
                    r -> ids.contains(r.key()) && EXPIRED.equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(15));

            for (String id : ids) {
                assertEquals(1, expiries.stream().filter(r -> id.equals(r.key())).map(r -> TopicReader.header(r, "ce_id"))
                        .distinct().count(), "expired events of " + id);
                assertEquals(1, expiredEntries(id), "EXPIRED entries in the history of " + id);
                assertEquals(today().plusDays(1).toString(), given().get("/v1/conventions/" + id + "/history")
                        .then().extract().path("find { it.type == 'EXPIRED' }.occurredOn"));
            }
        } finally {
            tomorrow.forEach(ServiceProcess::close);
        }
    }

    private static String activeConventionEndingToday() {
        LocalDate today = today();
        Map<String, Object> body = frameworkConvention(createAuthority("CA qui expire", "26362"), createChamber("CMA qui expire"),
                today.minusYears(1));
        body.remove("durationYears");
        body.put("endDate", today.toString());
        String id = create(body).then().statusCode(201).extract().path("id");
        signAll(id, today);
        assertEquals("ACTIVE", status(id), "in force until the end of today");
        return id;
    }

    private static String status(String id) {
        return given().get("/v1/conventions/" + id).then().statusCode(200).extract().path("status");
    }

    private static long expiredEntries(String id) {
        List<String> types = given().get("/v1/conventions/" + id + "/history").then().statusCode(200).extract().path("type");
        return types.stream().filter("EXPIRED"::equals).count();
    }

    private static long unpublishedExpiries(Connection db, List<String> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                select count(*) from outbox_event
                where event_type = ? and aggregate_id = any(?) and published_at is null""")) {
            query.setString(1, EXPIRED);
            query.setArray(2, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
