package fr.artisanat.convention.messaging;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every integration event reaches the real broker as a CloudEvent in binary mode, keyed by the convention id. */
@QuarkusTest
class ConventionEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    private static String post(String path, Object body, String requestId) {
        return given().contentType(ContentType.JSON).header("X-Request-Id", requestId).body(body).post(path)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300)).extract().asString();
    }

    private static void signAll(String id, LocalDate on, String requestId) {
        List<String> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories.id");
        signatories.forEach(s -> post("/v1/conventions/" + id + "/signatures", Map.of("signatoryId", s, "signedOn", on.toString()), requestId));
    }

    @Test
    void eachEventTypeIsOnTheConventionsTopicWithItsCloudEventsHeaders() throws Exception {
        String requestId = "events-" + UUID.randomUUID();
        String authority = createAuthority("CA des événements", "26362");
        String successor = createAuthority("Métropole des événements", "26281");
        String chamber = createChamber("CMA des événements");

        String active = create(frameworkConvention(authority, chamber, today())).then().statusCode(201).extract().path("id");
        signAll(active, today(), requestId);
        post("/v1/conventions/" + active + "/amendments", Map.of("effectiveDate", today().toString(), "summary", "Avenant 1"), requestId);
        post("/v1/authorities/" + authority + "/succession", Map.of("successorId", successor, "effectiveDate", today().toString()), requestId);
        post("/v1/conventions/" + active + "/termination", Map.of("reason", "Fin anticipée", "effectiveDate", today().toString()), requestId);

        Map<String, Object> old = frameworkConvention(successor, chamber, LocalDate.of(2016, 3, 1));
        old.put("fundingCommitments", List.of());
        String expired = create(old).then().statusCode(201).extract().path("id");
        signAll(expired, LocalDate.of(2016, 3, 1), requestId);

        List<ConsumerRecord<String, String>> records = TopicReader.awaitMatching("conventions",
                r -> requestId.equals(TopicReader.header(r, "X-Request-Id")), 8, Duration.ofSeconds(60));

        assertEquals(List.of("convention.signed.v1", "convention.activated.v1", "convention.amended.v1",
                "convention.transferred.v1", "convention.terminated.v1"), types(records, active));
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1", "convention.expired.v1"), types(records, expired));

        for (ConsumerRecord<String, String> record : records) {
            assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
            assertEquals("/convention-service", TopicReader.header(record, "ce_source"));
            assertEquals(record.key(), TopicReader.header(record, "ce_subject"));
            assertEquals("application/json", TopicReader.header(record, "content-type"));
            assertDoesNotThrow(() -> UUID.fromString(TopicReader.header(record, "ce_id")));
            assertDoesNotThrow(() -> OffsetDateTime.parse(TopicReader.header(record, "ce_time")));
            JsonNode data = json.readTree(record.value());
            assertEquals(record.key(), data.path("convention").path("id").asText(), "the data carries the convention itself");
        }

        JsonNode transferred = data(records, active, "convention.transferred.v1");
        assertEquals(authority, transferred.path("transfer").path("fromAuthorityId").asText());
        assertEquals(successor, transferred.path("transfer").path("toAuthorityId").asText());
        assertEquals(successor, transferred.path("convention").path("parties").path(0).path("partnerId").asText());
        assertEquals(authority, transferred.path("convention").path("signatories").path(0).path("partnerId").asText());
        JsonNode amended = data(records, active, "convention.amended.v1");
        assertEquals(1, amended.path("amendment").path("number").asInt());
        assertEquals("ACTIVE", amended.path("convention").path("status").asText());
        assertEquals("TERMINATED", data(records, active, "convention.terminated.v1").path("convention").path("status").asText());
        assertEquals("Fin anticipée", data(records, active, "convention.terminated.v1").path("convention").path("terminationReason").asText());
        assertNotNull(data(records, expired, "convention.expired.v1").path("convention").path("endDate").asText(null));
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, String conventionId) {
        return records.stream().filter(r -> conventionId.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    private JsonNode data(List<ConsumerRecord<String, String>> records, String conventionId, String type) throws Exception {
        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> conventionId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
                .findFirst().orElseThrow();
        return json.readTree(record.value());
    }
}
