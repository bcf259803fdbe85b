package fr.artisanat.convention.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.convention.repository.ConventionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The demo data loads into a database that already holds Aubagne's merger (recorded by a test or by a user), and its
 * chambers have the ids the identity provider's realm names.
 */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    ConventionRepository conventions;

    @Test
    void loadsWhereAubagnesMergerIsAlreadyRecorded() {
        assumeFalse(QuarkusTransaction.requiringNew().call(() -> conventions.referenceExists(DemoData.AUBAGNE_REFERENCE)),
                "the demo data is already in this database");
        String aubagne = authorityBySiren(DemoData.AUBAGNE_SIREN);
        String metropole = authorityBySiren(DemoData.METROPOLE_AMP_SIREN);
        if (given().get("/v1/authorities/" + aubagne).then().statusCode(200).extract().path("successorId") == null) {
            given().contentType(ContentType.JSON).body(Map.of("successorId", metropole, "effectiveDate", "2016-01-01"))
                    .post("/v1/authorities/" + aubagne + "/succession").then().statusCode(200);
        }

        QuarkusTransaction.requiringNew().run(demoData::load);

        assertTrue(QuarkusTransaction.requiringNew().call(() -> conventions.referenceExists(DemoData.AUBAGNE_REFERENCE)));
        assertEquals(metropole, given().get("/v1/authorities/" + aubagne).then().extract().path("successorId"));
        given().get("/v1/chambers/" + DemoData.CMAR_PACA_ID).then().statusCode(200)
                .body("name", equalTo("Chambre de métiers et de l'artisanat de région Provence-Alpes-Côte d'Azur"));
        given().get("/v1/chambers/" + DemoData.CMA_AURA_ID).then().statusCode(200)
                .body("name", equalTo("Chambre de métiers et de l'artisanat Auvergne-Rhône-Alpes"));
        given().get("/v1/chambers/" + DemoData.CMA_AURA_DROME_ID).then().statusCode(200)
                .body("parentId", equalTo(DemoData.CMA_AURA_ID.toString()));
        assertEquals(List.of("CRAFT_REGISTRY", "OTHER"), categories("Aubagne", DemoData.AUBAGNE_REFERENCE),
                "the CMAR PACA provides its craft-registry data, the authority other information");
        assertEquals(List.of("CRAFT_STATISTICS", "OTHER"), categories("trisannuelle", "VRA-CMA-2025-2027"),
                "the CMA AURA provides statistics, nothing per establishment");
    }

    /** The categories of the data-exchange lines of the convention {@code reference}, found by a word of its title. */
    private static List<String> categories(String titleWord, String reference) {
        return given().get("/v1/conventions?limit=100&q=" + titleWord).then().statusCode(200)
                .extract().path("items.find { it.reference == '" + reference + "' }.dataExchanges.category");
    }

    private static String authorityBySiren(String siren) {
        return given().get("/v1/authorities?q=" + siren).then().statusCode(200).extract().path("items[0].id");
    }
}
