package fr.artisanat.convention.messaging;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.KafkaBroker;
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The broker goes down, a convention is signed, the broker comes back: each event arrives, exactly once, and the
 * outage counted no attempt against the events.
 */
@QuarkusTest
class BrokerOutageTest {

    @Inject
    EntityManager em;

    @AfterEach
    void brokerBackInAnyCase() {
        KafkaBroker.start();
    }

    private long unpublished(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = :id and published_at is null")
                .setParameter("id", aggregateId).getSingleResult()).longValue());
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveOnceItIsBack() throws Exception {
        String id = create(frameworkConvention(createAuthority("CA panne", "26362"), createChamber("CMA panne"), today()))
                .then().statusCode(201).extract().path("id");
        List<String> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories.id");
        given().contentType(ContentType.JSON).body(Map.of("signatoryId", signatories.get(0), "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures").then().statusCode(200);

        KafkaBroker.stop();
        given().contentType(ContentType.JSON).body(Map.of("signatoryId", signatories.get(1), "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Thread.sleep(3000);
        assertEquals(2, unpublished(id), "signed and activated wait in the outbox while the broker is down");

        KafkaBroker.start();
        List<ConsumerRecord<String, String>> arrived = TopicReader.awaitMatching("conventions", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(90));
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1"),
                arrived.stream().map(r -> TopicReader.header(r, "ce_type")).toList());

        List<ConsumerRecord<String, String>> all = TopicReader.allMatching("conventions", r -> id.equals(r.key()), Duration.ofSeconds(8));
        assertEquals(2, all.size(), "no duplicate after the outage");
        assertEquals(0, unpublished(id));
        assertEquals(0, attemptsCounted(id), "an outage is not the events' fault: nothing counted, nothing parked");
    }

    private long attemptsCounted(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(attempts), 0) + count(parked_at) from outbox_event where aggregate_id = :id")
                .setParameter("id", aggregateId).getSingleResult()).longValue());
    }
}
