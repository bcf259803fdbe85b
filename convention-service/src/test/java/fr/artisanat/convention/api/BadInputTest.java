package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.convention.Fixtures;
import fr.artisanat.convention.TableCounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Every kind of bad input gets a 4xx problem+json naming the field, and leaves every table as it was. */
@QuarkusTest
class BadInputTest {

    @Inject
    TableCounts tables;

    String authority;
    String chamber;

    @BeforeEach
    void partners() {
        authority = createAuthority("CA des mauvaises entrées", "26362");
        chamber = createChamber("CMA des mauvaises entrées");
    }

    /** Sends the request and checks the problem, then that no table changed. */
    private ValidatableResponse rejected(Supplier<Response> request, int status, String field) {
        Map<String, Long> before = tables.snapshot();
        ValidatableResponse response = request.get().then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue());
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertEquals(before, tables.snapshot(), "a rejected request must not write anything");
        return response;
    }

    private Map<String, Object> convention() {
        return frameworkConvention(authority, chamber, today());
    }

    @Test
    void invalidSiren() {
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("siren", "200068782", "name", "CA", "nature", "CA", "communes", List.of("26362")))
                .post("/v1/authorities"), 422, "siren");
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("siren", "20006878X", "name", "CA", "nature", "CA", "communes", List.of("26362")))
                .post("/v1/authorities"), 400, "siren");
    }

    @Test
    void duplicateSiren() {
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("siren", "200068781", "name", "Valence bis", "nature", "CA", "communes", List.of("26362")))
                .post("/v1/authorities"), 409, null);
    }

    @Test
    void unknownCommune() {
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("siren", Fixtures.siren(), "name", "CA", "nature", "CA", "communes", List.of("26362", "99999")))
                .post("/v1/authorities"), 422, "communes[1]");
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("siren", Fixtures.siren(), "name", "CA", "nature", "CA", "communes", List.of("26362", "2600")))
                .post("/v1/authorities"), 400, "communes[1]");
    }

    @Test
    void endBeforeStart() {
        Map<String, Object> body = convention();
        body.remove("durationYears");
        body.put("endDate", today().minusDays(1).toString());
        rejected(() -> create(body), 422, "endDate");
    }

    @Test
    void neitherOrBothOfEndDateAndDuration() {
        Map<String, Object> body = convention();
        body.put("endDate", today().plusYears(1).toString());
        rejected(() -> create(body), 422, "endDate");
    }

    @Test
    void signingTwice() {
        String id = create(convention()).then().statusCode(201).extract().path("id");
        String first = given().get("/v1/conventions/" + id).then().extract().path("signatories[0].id");
        Map<String, String> signature = Map.of("signatoryId", first, "signedOn", today().toString());
        given().contentType(ContentType.JSON).body(signature).post("/v1/conventions/" + id + "/signatures").then().statusCode(200);
        rejected(() -> given().contentType(ContentType.JSON).body(signature).post("/v1/conventions/" + id + "/signatures"), 409, null)
                .body("type", equalTo("/problems/already-signed"));
    }

    @Test
    void signingInTheFutureOrForSomeoneElse() {
        String id = create(convention()).then().statusCode(201).extract().path("id");
        String first = given().get("/v1/conventions/" + id).then().extract().path("signatories[0].id");
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("signatoryId", first, "signedOn", today().plusDays(1).toString()))
                .post("/v1/conventions/" + id + "/signatures"), 422, "signedOn");
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("signatoryId", java.util.UUID.randomUUID().toString(), "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures"), 422, "signatoryId");
    }

    @Test
    void amendingAConventionThatIsNotActive() {
        String draft = create(convention()).then().statusCode(201).extract().path("id");
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today().toString(), "summary", "Avenant"))
                .post("/v1/conventions/" + draft + "/amendments"), 409, null)
                .body("type", equalTo("/problems/not-active"));
        String active = create(convention()).then().statusCode(201).extract().path("id");
        signAll(active, today());
        rejected(() -> given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today().plusYears(9).toString(), "summary", "Hors du terme"))
                .post("/v1/conventions/" + active + "/amendments"), 422, "effectiveDate");
    }

    @Test
    void unknownEnumValues() {
        Map<String, Object> body = convention();
        body.put("kind", "FRAMEWORKISH");
        rejected(() -> create(body), 400, "kind").body("detail", org.hamcrest.Matchers.containsString("FRAMEWORK"));
        rejected(() -> given().get("/v1/conventions?status=LIVE"), 400, "status");
    }

    @Test
    void malformedJson() {
        rejected(() -> given().contentType(ContentType.JSON).body("{\"reference\": \"X\", ").post("/v1/conventions"), 400, null)
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void wrongTypesUnknownPropertiesAndMissingBody() {
        Map<String, Object> body = convention();
        body.put("startDate", "20 octobre 2015");
        rejected(() -> create(body), 400, "startDate");
        Map<String, Object> extra = convention();
        extra.put("colour", "blue");
        rejected(() -> create(extra), 400, "colour");
        rejected(() -> given().contentType(ContentType.JSON).post("/v1/conventions"), 400, null);
    }

    @Test
    void oversizeStrings() {
        Map<String, Object> body = convention();
        body.put("title", "x".repeat(301));
        rejected(() -> create(body), 400, "title");
        Map<String, Object> signatory = convention();
        signatory.put("signatories", List.of(Map.of("partnerId", authority, "fullName", "y".repeat(201), "role", "Présidente"),
                Map.of("partnerId", chamber, "fullName", "Président", "role", "Président")));
        rejected(() -> create(signatory), 400, "signatories[0].fullName");
    }

    @Test
    void missingRequiredFieldsAreAllListed() {
        rejected(() -> create(Map.of("kind", "FRAMEWORK")), 400, "reference")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("parties"))
                .body("errors.field", hasItem("startDate"));
    }

    @Test
    void partiesThatDoNotExistOrDoNotSign() {
        Map<String, Object> body = convention();
        body.put("parties", Map.of("authorityIds", List.of(java.util.UUID.randomUUID().toString()), "chamberIds", List.of(chamber)));
        rejected(() -> create(body), 422, "parties.authorityIds[0]");
        Map<String, Object> unsigned = convention();
        unsigned.put("signatories", List.of(Map.of("partnerId", authority, "fullName", "Présidente", "role", "Présidente")));
        rejected(() -> create(unsigned), 422, "signatories");
    }

    /** What a data-exchange line shares must be stated, and craft-registry data comes from a chamber only. */
    @Test
    void dataExchangesWithoutCategoryOrWithRegistryDataFromAnAuthority() {
        Map<String, Object> unstated = convention();
        unstated.put("dataExchanges", List.of(Map.of("providerId", chamber, "data", "Données du répertoire des métiers")));
        rejected(() -> create(unstated), 400, "dataExchanges[0].category");
        Map<String, Object> unknown = convention();
        unknown.put("dataExchanges", List.of(Map.of("providerId", chamber, "category", "REGISTRY", "data", "Répertoire")));
        rejected(() -> create(unknown), 400, null);
        Map<String, Object> fromTheAuthority = convention();
        fromTheAuthority.put("dataExchanges", List.of(
                Map.of("providerId", chamber, "category", "CRAFT_REGISTRY", "data", "Données du répertoire des métiers"),
                Map.of("providerId", authority, "category", "CRAFT_REGISTRY", "data", "Fichier des entreprises")));
        rejected(() -> create(fromTheAuthority), 422, "dataExchanges[1].category");
    }

    @Test
    void badMoneyAndFundingYears() {
        Map<String, Object> body = convention();
        body.put("fundingCommitments", List.of(Map.of("payerId", authority, "beneficiaryId", chamber,
                "purpose", "TERRITORIAL_DEVELOPER_POST", "amountPerYear", Map.of("amount", "45 000", "currency", "EUR"),
                "firstYear", today().getYear(), "lastYear", today().getYear())));
        rejected(() -> create(body), 400, "fundingCommitments[0].amountPerYear.amount");
        Map<String, Object> years = convention();
        years.put("fundingCommitments", List.of(Map.of("payerId", authority, "beneficiaryId", chamber,
                "purpose", "TERRITORIAL_DEVELOPER_POST", "amountPerYear", Map.of("amount", "45000.00", "currency", "EUR"),
                "firstYear", today().getYear() + 7, "lastYear", today().getYear() + 8)));
        rejected(() -> create(years), 422, "fundingCommitments[0].firstYear");
    }

    @Test
    void badQueryParameters() {
        rejected(() -> given().get("/v1/conventions?limit=0"), 400, "limit");
        rejected(() -> given().get("/v1/conventions?limit=101"), 400, "limit");
        rejected(() -> given().get("/v1/conventions?activeOn=yesterday"), 400, "activeOn");
        rejected(() -> given().get("/v1/conventions?authorityId=42"), 400, "authorityId");
        // present but blank is not absent: the document's pattern refuses it (found by the contract test)
        rejected(() -> given().urlEncodingEnabled(false).get("/v1/conventions?chamberId=%20"), 400, "chamberId");
        rejected(() -> given().urlEncodingEnabled(false).get("/v1/conventions?status=%20"), 400, "status");
        rejected(() -> given().urlEncodingEnabled(false).get("/v1/conventions?activeOn=%20"), 400, "activeOn");
        rejected(() -> given().get("/v1/conventions?sort=budget"), 400, "sort");
        rejected(() -> given().get("/v1/conventions?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
    }

    @Test
    void badChangesFeedParameters() {
        rejected(() -> given().get("/v1/convention-changes?limit=0"), 400, "limit");
        rejected(() -> given().get("/v1/convention-changes?limit=101"), 400, "limit");
        rejected(() -> given().get("/v1/convention-changes?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        rejected(() -> given().get("/v1/convention-changes?cursor=" + "A".repeat(201)), 400, "cursor");
    }

    @Test
    void wrongMethodAndMediaType() {
        rejected(() -> given().delete("/v1/conventions"), 405, null);
        rejected(() -> given().contentType(ContentType.TEXT).body("reference=X").post("/v1/conventions"), 415, null);
    }

    @Test
    void unknownResourcesAre404Problems() {
        rejected(() -> given().get("/v1/conventions/" + java.util.UUID.randomUUID()), 404, null);
        // A malformed id breaks the document (format: uuid): a 400 naming the problem, like any unconvertible parameter.
        rejected(() -> given().get("/v1/conventions/not-a-uuid"), 400, null);
        rejected(() -> given().get("/v1/nothing-here"), 404, null);
    }
}
