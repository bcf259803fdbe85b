package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.sign;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.artisanat.convention.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConventionLifecycleTest {

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
        sign(id, signatories.get(0), today()).then().statusCode(200).body("status", equalTo("DRAFT"));
        sign(id, signatories.get(1), today()).then().statusCode(200)
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
    void historyOfAConventionEnteredAfterTheFactIsInTheOrderThingsHappened() {
        String authority = createAuthority("CA historique", "26362");
        String chamber = createChamber("CMA historique");
        Map<String, Object> body = frameworkConvention(authority, chamber, LocalDate.of(2015, 1, 1));
        body.put("fundingCommitments", List.of());
        String id = create(body).then().statusCode(201).extract().path("id");
        List<String> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories.id");
        sign(id, signatories.get(0), LocalDate.of(2015, 1, 1)).then().statusCode(200);
        String etag = given().get("/v1/conventions/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("title", "Convention cadre 2015, relue"))
                .put("/v1/conventions/" + id).then().statusCode(200);
        sign(id, signatories.get(1), LocalDate.of(2015, 1, 1)).then().statusCode(200).body("status", equalTo("EXPIRED"));

        // Entered today for 2015: the drafting and the edit are dated today, yet they came before the signatures.
        given().get("/v1/conventions/" + id + "/history").then().statusCode(200)
                .body("type", contains("CREATED", "SIGNATURE_RECORDED", "UPDATED", "SIGNATURE_RECORDED", "SIGNED", "ACTIVATED",
                        "EXPIRED"))
                .body("occurredOn", contains(today().toString(), "2015-01-01", today().toString(), "2015-01-01", "2015-01-01",
                        "2015-01-01", "2020-01-01"));
    }

    @Test
    void anAmendmentWithTheLongestSummaryIsRecordedInTheHistory() {
        String id = Fixtures.activeConvention();
        String summary = "é".repeat(2000);
        given().contentType(ContentType.JSON).body(Map.of("effectiveDate", today().toString(), "summary", summary))
                .post("/v1/conventions/" + id + "/amendments").then().statusCode(201);
        given().get("/v1/conventions/" + id + "/history").then().statusCode(200)
                .body("find { it.type == 'AMENDED' }.description", equalTo("Amendment no. 1: " + summary));
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
