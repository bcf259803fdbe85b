package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.convention.Fixtures;
import fr.artisanat.convention.service.LifecycleScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConventionLifecycleTest {

    @Inject
    LifecycleScheduler scheduler;

    @Test
    void frameworkConventionSignedByBothSignatoriesIsActiveOnItsStartDate() {
        String authority = createAuthority("CA du test de cycle de vie", "26362", "26281");
        String chamber = createChamber("CMA du test de cycle de vie");

        var created = create(frameworkConvention(authority, chamber, today())).then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("endDate", equalTo(today().plusYears(5).minusDays(1).toString()));
        String id = created.extract().path("id");
        created.header("Location", endsWith("/v1/conventions/" + id));

        List<String> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories.id");
        given().contentType(ContentType.JSON).body(Map.of("signatoryId", signatories.get(0), "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures").then().statusCode(200).body("status", equalTo("DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of("signatoryId", signatories.get(1), "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("signatureDate", equalTo(today().toString()));

        given().get("/v1/conventions/" + id).then().body("status", equalTo("ACTIVE"));
        given().get("/v1/conventions/" + id + "/history").then().statusCode(200)
                .body("type", contains("CREATED", "SIGNATURE_RECORDED", "SIGNATURE_RECORDED", "SIGNED", "ACTIVATED"));
    }

    @Test
    void duplicateReferenceIsRejected() {
        String authority = createAuthority("CA doublon", "26362");
        String chamber = createChamber("CMA doublon");
        Map<String, Object> body = frameworkConvention(authority, chamber, today());
        create(body).then().statusCode(201);
        create(body).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/duplicate-reference"));
    }

    @Test
    void signedConventionWaitsForItsStartDate() {
        String authority = createAuthority("CA future", "26362");
        String chamber = createChamber("CMA future");
        String id = create(frameworkConvention(authority, chamber, today().plusDays(30))).then().statusCode(201).extract().path("id");
        signAll(id, today()).then().body("status", equalTo("SIGNED"));
        scheduler.advanceAll();
        given().get("/v1/conventions/" + id).then().body("status", equalTo("SIGNED"));
    }

    @Test
    void conventionWhoseTermIsOverExpiresExactlyOnce() {
        String authority = createAuthority("CA passée", "26362");
        String chamber = createChamber("CMA passée");
        Map<String, Object> body = frameworkConvention(authority, chamber, LocalDate.of(2015, 1, 1));
        body.put("fundingCommitments", List.of());
        String id = create(body).then().statusCode(201).extract().path("id");
        signAll(id, LocalDate.of(2015, 1, 1)).then().body("status", equalTo("EXPIRED"));
        scheduler.advanceAll();
        scheduler.advanceAll();
        List<String> types = given().get("/v1/conventions/" + id + "/history").then().extract().path("type");
        assertEquals(1, types.stream().filter("ACTIVATED"::equals).count());
        assertEquals(1, types.stream().filter("EXPIRED"::equals).count());
        List<String> days = given().get("/v1/conventions/" + id + "/history").then().extract().path("occurredOn");
        assertEquals("2020-01-01", days.get(types.indexOf("EXPIRED")));
    }

    @Test
    void amendmentsAreNumberedAndMayExtendTheTerm() {
        String id = Fixtures.activeConvention();
        String newEnd = today().plusYears(6).toString();
        given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today().toString(), "summary", "Ajout d'un axe Jema"))
                .post("/v1/conventions/" + id + "/amendments").then().statusCode(201).body("number", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today().toString(), "summary", "Prolongation d'un an", "newEndDate", newEnd))
                .post("/v1/conventions/" + id + "/amendments").then().statusCode(201)
                .body("number", equalTo(2)).body("newEndDate", equalTo(newEnd));
        given().get("/v1/conventions/" + id).then().body("endDate", equalTo(newEnd)).body("amendmentCount", equalTo(2));
        given().get("/v1/conventions/" + id + "/amendments").then().body("summary",
                contains("Ajout d'un axe Jema", "Prolongation d'un an"));
    }

    @Test
    void terminationEndsTheConventionAndFreezesIt() {
        String id = Fixtures.activeConvention();
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Dissolution d'un commun accord", "effectiveDate", today().toString()))
                .post("/v1/conventions/" + id + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("terminationReason", equalTo("Dissolution d'un commun accord"));
        given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today().toString(), "summary", "Trop tard"))
                .post("/v1/conventions/" + id + "/amendments").then().statusCode(409)
                .body("type", equalTo("/problems/not-active"));
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Encore", "effectiveDate", today().toString()))
                .post("/v1/conventions/" + id + "/termination").then().statusCode(409);
        given().get("/v1/conventions/" + id + "/history").then().body("type", not(hasItems("AMENDED")));
    }
}
