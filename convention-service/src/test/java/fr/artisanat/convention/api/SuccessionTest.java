package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The founding case: the CA du Pays d'Aubagne et de l'Etoile merged into the Métropole d'Aix-Marseille-Provence. */
@QuarkusTest
class SuccessionTest {

    private static String authorityBySiren(String siren) {
        return given().get("/v1/authorities?q=" + siren).then().statusCode(200).extract().path("items[0].id");
    }

    @Test
    void aubagneConventionPassesToTheMetropoleWithItsHistoryKept() {
        String aubagne = authorityBySiren("241300268");
        String metropole = authorityBySiren("200054807");
        given().get("/v1/authorities/" + aubagne).then().body("name", equalTo("CA du Pays d'Aubagne et de l'Etoile"))
                .body("communes", hasItem("13005")).body("communes.size()", equalTo(12));
        String cmar = createChamber("Chambre de métiers et de l'artisanat de région Provence-Alpes-Côte d'Azur");
        Map<String, Object> body = frameworkConvention(aubagne, cmar, LocalDate.of(2015, 10, 20));
        body.put("fundingCommitments", List.of(Map.of("payerId", aubagne, "beneficiaryId", cmar,
                "purpose", "TERRITORIAL_DEVELOPER_POST", "amountPerYear", Map.of("amount", "45000.00", "currency", "EUR"),
                "firstYear", 2016, "lastYear", 2020)));
        String id = create(body).then().statusCode(201).extract().path("id");
        signAll(id, LocalDate.of(2015, 10, 20));

        succeed(aubagne, metropole, "2016-01-01").statusCode(200)
                .body("validTo", equalTo("2015-12-31")).body("successorId", equalTo(metropole));

        JsonPath convention = given().get("/v1/conventions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(metropole, convention.getString("parties[0].partnerId"));
        assertEquals("Métropole d'Aix-Marseille-Provence", convention.getString("parties[0].name"));
        assertEquals(aubagne, convention.getString("parties[0].transferredFromId"));
        assertEquals("2016-01-01", convention.getString("parties[0].transferredOn"));
        assertEquals(metropole, convention.getString("fundingCommitments[0].payerId"));
        assertEquals(aubagne, convention.getString("signatories[0].partnerId"), "the signature stays with the authority that signed");
        assertEquals("CA du Pays d'Aubagne et de l'Etoile", convention.getString("signatories[0].partnerName"));

        JsonPath history = given().get("/v1/conventions/" + id + "/history").then().extract().jsonPath();
        List<String> types = history.getList("type");
        assertEquals(List.of("CREATED", "SIGNATURE_RECORDED", "SIGNATURE_RECORDED", "SIGNED", "ACTIVATED", "TRANSFERRED", "EXPIRED"),
                types, "drafted (today, for a 2015 convention) before it was signed; the transfer of 2016 between the activation "
                        + "of 2015 and the expiry of 2020");
        int transfer = types.indexOf("TRANSFERRED");
        assertEquals(aubagne, history.getString("[" + transfer + "].fromAuthorityId"));
        assertEquals(metropole, history.getString("[" + transfer + "].toAuthorityId"));
        given().get("/v1/conventions/" + id + "/history").then()
                .body("[" + transfer + "].description", containsString("CA du Pays d'Aubagne et de l'Etoile"))
                .body("[" + transfer + "].description", containsString("Métropole d'Aix-Marseille-Provence"));

        // Both authorities find it: the successor as party, the former one through the transfer.
        given().get("/v1/conventions?authorityId=" + metropole).then().body("items.id", hasItem(id));
        given().get("/v1/conventions?authorityId=" + aubagne).then().body("items.id", hasItem(id));

        succeed(aubagne, metropole, "2016-01-01").statusCode(409);
    }

    @Test
    void signatoryOfAnAuthorityMergedIntoAnotherPartyKeepsTheAuthorityTheySignedFor() {
        String dissolved = createAuthority("CC absorbée", "26362");
        String successor = createAuthority("CA absorbante", "26281");
        String chamber = createChamber("CMA de la fusion");
        Map<String, Object> body = frameworkConvention(dissolved, chamber, today());
        body.put("parties", Map.of("authorityIds", List.of(dissolved, successor), "chamberIds", List.of(chamber)));
        body.put("signatories", List.of(
                Map.of("partnerId", dissolved, "fullName", "Président de la CC", "role", "Président"),
                Map.of("partnerId", successor, "fullName", "Présidente de la CA", "role", "Présidente"),
                Map.of("partnerId", chamber, "fullName", "Président de la chambre", "role", "Président")));
        String id = create(body).then().statusCode(201).extract().path("id");
        signAll(id, today());

        succeed(dissolved, successor, today().toString()).statusCode(200);

        JsonPath convention = given().get("/v1/conventions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(successor, chamber), convention.getList("parties.partnerId"), "the two parties became one");
        assertEquals(successor, convention.getString("fundingCommitments[0].payerId"), "the funding passed to the successor");
        assertEquals(List.of(dissolved, successor, chamber), convention.getList("signatories.partnerId"),
                "each signature stays with the partner it was given for");
        assertEquals(List.of("CC absorbée", "CA absorbante", "CMA de la fusion"), convention.getList("signatories.partnerName"));
    }

    @Test
    void successionThatWouldCloseACycleIsRefused() {
        String first = createAuthority("CA du premier cycle", "26362");
        String second = createAuthority("CA du second cycle", "26281");
        String third = createAuthority("CA du troisième cycle", "26362");
        succeed(first, second, "2021-01-01").statusCode(200);

        succeed(second, first, "2022-01-01").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/succession-cycle"))
                .body("detail", containsString("CA du premier cycle"));
        given().get("/v1/authorities/" + second).then().body("successorId", nullValue()).body("validTo", nullValue());

        succeed(second, third, "2022-01-01").statusCode(200);
        succeed(third, first, "2023-01-01").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/succession-cycle"));
        given().get("/v1/authorities/" + third).then().body("successorId", nullValue());
    }

    private static ValidatableResponse succeed(String authority, String successor, String effectiveDate) {
        return given().contentType(ContentType.JSON).body(Map.of("successorId", successor, "effectiveDate", effectiveDate))
                .post("/v1/authorities/" + authority + "/succession").then();
    }
}
