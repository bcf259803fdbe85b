package fr.artisanat.convention.messaging;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.artisanat.platform.testing.EventSchemas;
import fr.artisanat.platform.testing.Tokens;
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every integration event reaches the real broker as a CloudEvent in binary mode, keyed by the convention id, and its
 * data validates against the committed schema of its type (docs/events/schemas).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConventionEventsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final EventSchemas schemas = EventSchemas.committed();
    private Produced produced;

    /** The events of two conventions read from the topic, {@code active} the one with every optional part. */
    private record Produced(String authority, String successor, String active, String expired,
            List<ConsumerRecord<String, String>> records) {

        List<String> types(String conventionId) {
            return records.stream().filter(r -> conventionId.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
        }

        ConsumerRecord<String, String> record(String conventionId, String type) {
            return records.stream().filter(r -> conventionId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
                    .findFirst().orElseThrow();
        }
    }

    private static String post(String path, Object body, String requestId) {
        return given().contentType(ContentType.JSON).header("X-Request-Id", requestId).body(body).post(path)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300)).extract().asString();
    }

    private static void signAll(String id, LocalDate on, String requestId) {
        List<String> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories.id");
        signatories.forEach(s -> post("/v1/conventions/" + id + "/signatures", Map.of("signatoryId", s, "signedOn", on.toString()), requestId));
    }

    /**
     * Through the API, every type of the topic: a convention of 2016 signed, activated and expired; one of today, with
     * every optional part, signed, activated, amended (changing its term), transferred to a successor and terminated.
     */
    private Produced produced() {
        if (produced != null) {
            return produced;
        }
        String requestId = "events-" + UUID.randomUUID();
        String authority = createAuthority("CA des événements", "26362");
        String successor = createAuthority("Métropole des événements", "26281");
        String chamber = given().contentType(ContentType.JSON).body(Map.of("name", "CMA des événements, niveau de la Drôme",
                "level", "DEPARTMENTAL", "region", "Auvergne-Rhône-Alpes", "parentId", createChamber("CMA des événements")))
                .post("/v1/chambers").then().statusCode(201).extract().path("id");

        Map<String, Object> old = frameworkConvention(successor, chamber, LocalDate.of(2016, 3, 1));
        old.put("fundingCommitments", List.of());
        old.remove("governance");
        String expired = create(old).then().statusCode(201).extract().path("id");
        signAll(expired, LocalDate.of(2016, 3, 1), requestId);

        Map<String, Object> full = frameworkConvention(authority, chamber, today());
        full.put("predecessorId", expired);
        full.put("challenges", List.of("Transmettre les entreprises"));
        full.put("dataExchanges", List.of(
                Map.of("providerId", chamber, "category", "CRAFT_REGISTRY", "data", "Liste des entreprises artisanales"),
                Map.of("providerId", authority, "category", "OTHER", "data", "Programme des manifestations")));
        full.put("documents", List.of(Map.of("title", "Convention signée", "mediaType", "application/pdf",
                "sizeBytes", 482113, "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        String active = create(full).then().statusCode(201).extract().path("id");
        signAll(active, today(), requestId);
        post("/v1/conventions/" + active + "/amendments", Map.of("effectiveDate", today().toString(), "summary", "Avenant 1",
                "newEndDate", today().plusYears(6).toString()), requestId);
        post("/v1/authorities/" + authority + "/succession", Map.of("successorId", successor, "effectiveDate", today().toString()), requestId);
        post("/v1/conventions/" + active + "/termination", Map.of("reason", "Fin anticipée", "effectiveDate", today().toString()), requestId);

        produced = new Produced(authority, successor, active, expired, TopicReader.awaitMatching("conventions",
                r -> requestId.equals(TopicReader.header(r, "X-Request-Id")), 8, Duration.ofSeconds(60)));
        return produced;
    }

    @Test
    void eachEventTypeIsOnTheConventionsTopicWithItsCloudEventsHeaders() throws Exception {
        Produced events = produced();
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1", "convention.amended.v1",
                "convention.transferred.v1", "convention.terminated.v1"), events.types(events.active()));
        assertEquals(List.of("convention.signed.v1", "convention.activated.v1", "convention.expired.v1"),
                events.types(events.expired()));

        for (ConsumerRecord<String, String> record : events.records()) {
            assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
            assertEquals("/convention-service", TopicReader.header(record, "ce_source"));
            assertEquals(record.key(), TopicReader.header(record, "ce_subject"));
            assertEquals("application/json", TopicReader.header(record, "content-type"));
            assertDoesNotThrow(() -> UUID.fromString(TopicReader.header(record, "ce_id")));
            assertDoesNotThrow(() -> OffsetDateTime.parse(TopicReader.header(record, "ce_time")));
            JsonNode data = json.readTree(record.value());
            assertEquals(record.key(), data.path("convention").path("id").asText(), "the data carries the convention itself");
        }

        JsonNode transferred = data(events.record(events.active(), "convention.transferred.v1"));
        assertEquals(events.authority(), transferred.path("transfer").path("fromAuthorityId").asText());
        assertEquals(events.successor(), transferred.path("transfer").path("toAuthorityId").asText());
        assertEquals(events.successor(), transferred.path("convention").path("parties").path(0).path("partnerId").asText());
        assertEquals(events.authority(), transferred.path("convention").path("signatories").path(0).path("partnerId").asText());
        assertEquals("CA des événements", transferred.path("convention").path("signatories").path(0).path("partnerName").asText());
        JsonNode signed = data(events.record(events.active(), "convention.signed.v1")).path("convention");
        JsonNode authorityParty = signed.path("parties").path(0);
        assertEquals(given().get("/v1/authorities/" + events.authority()).then().extract().path("siren"),
                authorityParty.path("siren").asText(), "the registry scopes authorities by SIREN");
        assertEquals(List.of(), fieldNames(authorityParty, "chamberLevel", "region", "parentChamberId"));
        JsonNode chamberParty = signed.path("parties").path(1);
        String parent = given().get("/v1/chambers/" + chamberParty.path("partnerId").asText()).then()
                .statusCode(200).extract().path("parentId");
        assertEquals("DEPARTMENTAL", chamberParty.path("chamberLevel").asText());
        assertEquals("Auvergne-Rhône-Alpes", chamberParty.path("region").asText());
        assertEquals(parent, chamberParty.path("parentChamberId").asText());
        assertEquals("CRAFT_REGISTRY", signed.path("dataExchanges").path(0).path("category").asText());
        assertEquals(chamberParty.path("partnerId").asText(), signed.path("dataExchanges").path(0).path("providerId").asText());
        assertEquals("OTHER", signed.path("dataExchanges").path(1).path("category").asText());
        assertEquals(given().get("/v1/authorities/" + events.successor()).then().extract().path("siren"),
                data(events.record(events.active(), "convention.transferred.v1"))
                        .path("convention").path("parties").path(0).path("siren").asText(),
                "after a transfer, the successor's SIREN");
        JsonNode amended = data(events.record(events.active(), "convention.amended.v1"));
        assertEquals(1, amended.path("amendment").path("number").asInt());
        assertEquals("ACTIVE", amended.path("convention").path("status").asText());
        assertEquals(today().plusYears(6).toString(), amended.path("convention").path("endDate").asText());
        assertEquals("45000.00", amended.path("convention").path("fundingCommitments").path(0).path("amountPerYear").path("amount").asText());
        JsonNode terminated = data(events.record(events.active(), "convention.terminated.v1"));
        assertEquals("TERMINATED", terminated.path("convention").path("status").asText());
        assertEquals("Fin anticipée", terminated.path("convention").path("terminationReason").asText());
        assertNotNull(data(events.record(events.expired(), "convention.expired.v1")).path("convention").path("endDate").asText(null));
    }

    /** The caller who signed, amended or terminated is named by its id; what the suite did by date names nobody. */
    @Test
    void theEventsOfACallersChangeNameItsId() throws Exception {
        Produced events = produced();
        String admin = Tokens.claims(Tokens.admin()).path("sub").asText();
        for (String type : List.of("convention.signed.v1", "convention.amended.v1", "convention.terminated.v1")) {
            assertEquals(admin, data(events.record(events.active(), type)).path("actorId").asText(null), type);
        }
        for (String type : List.of("convention.activated.v1", "convention.transferred.v1")) {
            assertFalse(data(events.record(events.active(), type)).has("actorId"), type);
        }
        assertFalse(data(events.record(events.expired(), "convention.expired.v1")).has("actorId"));
    }

    @Test
    void everyTypeWithASchemaIsProducedAndEveryPayloadValidatesAgainstItsCommittedSchema() {
        List<ConsumerRecord<String, String>> records = produced().records();
        assertEquals(schemas.types("convention."), records.stream().map(r -> TopicReader.header(r, "ce_type"))
                .collect(Collectors.toCollection(TreeSet::new)), "the types produced here vs the schema files");
        for (ConsumerRecord<String, String> record : records) {
            String type = TopicReader.header(record, "ce_type");
            assertEquals(List.of(), schemas.errors(type, record.value()), type + ": " + record.value());
        }
    }

    /** The schemas are not a formality: what a consumer relies on is asserted, formats included. */
    @Test
    void theSchemasRefuseWhatConsumersMustNotReceive() {
        String amended = produced().record(produced().active(), "convention.amended.v1").value();
        assertEquals(List.of(), schemas.errors("convention.amended.v1", amended));
        assertEquals(List.of(), schemas.accepted("convention.amended.v1", amended, List.of(
                data -> convention(data).put("unexpected", true),
                data -> convention(data).put("id", "42"),
                data -> convention(data).put("startDate", "1 March 2016"),
                data -> convention(data).put("status", "DRAFT"),
                data -> ((ObjectNode) data.at("/convention/fundingCommitments/0/amountPerYear")).put("amount", 45000.0),
                data -> ((ObjectNode) data.at("/convention/signatories/0")).remove("partnerId"),
                data -> ((ObjectNode) data.at("/convention/dataExchanges/0")).put("category", "REGISTRY"),
                data -> ((ObjectNode) data.at("/convention/parties/0")).put("siren", "2000"),
                data -> ((ObjectNode) data.at("/convention/parties/0")).put("region", "Auvergne-Rhône-Alpes"),
                data -> ((ObjectNode) data.at("/convention/parties/1")).put("chamberLevel", "DEPARTEMENTAL"),
                data -> data.remove("amendment"),
                data -> data.put("actorId", ""))));
    }

    /** Which of {@code names} the object has. */
    private static List<String> fieldNames(JsonNode object, String... names) {
        return Arrays.stream(names).filter(object::has).toList();
    }

    private static ObjectNode convention(ObjectNode data) {
        return (ObjectNode) data.get("convention");
    }

    private JsonNode data(ConsumerRecord<String, String> record) throws Exception {
        return json.readTree(record.value());
    }
}
