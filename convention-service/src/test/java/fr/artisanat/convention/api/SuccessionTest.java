package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

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

        given().contentType(ContentType.JSON).body(Map.of("successorId", metropole, "effectiveDate", "2016-01-01"))
                .post("/v1/authorities/" + aubagne + "/succession").then().statusCode(200)
                .body("validTo", equalTo("2015-12-31")).body("successorId", equalTo(metropole));

        JsonPath convention = given().get("/v1/conventions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(metropole, convention.getString("parties[0].partnerId"));
        assertEquals("Métropole d'Aix-Marseille-Provence", convention.getString("parties[0].name"));
        assertEquals(aubagne, convention.getString("parties[0].transferredFromId"));
        assertEquals("2016-01-01", convention.getString("parties[0].transferredOn"));
        assertEquals(metropole, convention.getString("fundingCommitments[0].payerId"));

        JsonPath history = given().get("/v1/conventions/" + id + "/history").then().extract().jsonPath();
        List<String> types = history.getList("type");
        assertEquals(List.of("ACTIVATED", "TRANSFERRED", "EXPIRED"),
                types.stream().filter(t -> List.of("ACTIVATED", "TRANSFERRED", "EXPIRED").contains(t)).toList(),
                "the transfer of 2016 sits between the activation of 2015 and the expiry of 2020");
        int transfer = types.indexOf("TRANSFERRED");
        assertEquals(aubagne, history.getString("[" + transfer + "].fromAuthorityId"));
        assertEquals(metropole, history.getString("[" + transfer + "].toAuthorityId"));
        given().get("/v1/conventions/" + id + "/history").then()
                .body("[" + transfer + "].description", containsString("CA du Pays d'Aubagne et de l'Etoile"))
                .body("[" + transfer + "].description", containsString("Métropole d'Aix-Marseille-Provence"));

        // Both authorities find it: the successor as party, the former one through the transfer.
        given().get("/v1/conventions?authorityId=" + metropole).then().body("items.id", hasItem(id));
        given().get("/v1/conventions?authorityId=" + aubagne).then().body("items.id", hasItem(id));

        given().contentType(ContentType.JSON).body(Map.of("successorId", metropole, "effectiveDate", "2016-01-01"))
                .post("/v1/authorities/" + aubagne + "/succession").then().statusCode(409);
    }
}
