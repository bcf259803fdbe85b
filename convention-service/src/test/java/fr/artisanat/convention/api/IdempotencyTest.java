package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.convention.TableCounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IdempotencyTest {

    @Inject
    TableCounts tables;

    @Test
    void retriedPostWithTheSameKeyReplaysTheFirstResponseAndWritesOnce() {
        Map<String, Object> body = frameworkConvention(createAuthority("CA idempotente", "26362"), createChamber("CMA idempotente"), today());
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/v1/conventions").then().statusCode(201).extract().path("id");
        long conventionsAfterFirst = tables.snapshot().get("convention");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/v1/conventions").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/conventions/" + first))
                .extract().path("id");
        assertEquals(first, second);
        assertEquals(conventionsAfterFirst, tables.snapshot().get("convention"));
        given().get("/v1/conventions/" + first).then().statusCode(200).body("reference", equalTo(body.get("reference")));
    }

    @Test
    void sameKeyWithAnotherBodyIsRejected() {
        Map<String, Object> body = frameworkConvention(createAuthority("CA clé réutilisée", "26362"), createChamber("CMA clé réutilisée"), today());
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/v1/conventions").then().statusCode(201);
        body.put("reference", body.get("reference") + "-2");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/v1/conventions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void aFailedRequestDoesNotConsumeTheKey() {
        Map<String, Object> body = frameworkConvention(createAuthority("CA échec", "26362"), createChamber("CMA échec"), today());
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = new java.util.HashMap<>(body);
        invalid.put("endDate", today().minusDays(3).toString());
        invalid.remove("durationYears");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(invalid).post("/v1/conventions").then().statusCode(422);
        // Had the failure been stored under the key, a corrected body would now be refused as a reused key.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/v1/conventions").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aKeyOutsideVisibleAsciiIsRefusedAndNothingIsWritten() {
        String authority = createAuthority("CA clé", "26363");
        Map<String, Object> body = frameworkConvention(authority, createChamber("CMA clé"), today());
        given().contentType(ContentType.JSON).header("Idempotency-Key", "two words").body(body).post("/v1/conventions")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        given().get("/v1/conventions?authorityId=" + authority).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
