package fr.artisanat.registry.api;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.Tokens;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Each search filter, name search, classification, notes and the changes feed, over communes of Corsica. */
@QuarkusTest
class EstablishmentQueryTest {

    static String territory;
    static final String potter = newSiret();
    static final String jeweller = newSiret();
    static final String baker = newSiret();
    static final String closedBaker = newSiret();
    static final String protectedPotter = newSiret();
    static final String portBaker = newSiret();
    static final String potteries = newSiret();

    @BeforeEach
    void data() {
        if (territory != null) {
            return;
        }
        territory = Registry.territory("Corse du Sud (test)", "2A130", "2A008");
        byte[] file = SireneFile.layout48()
                .row(craft(potter, "2A130", "23.41Z", "Poterie de l'Argile Rouge", Map.of("trancheEffectifsEtablissement", "01")))
                .row(craft(jeweller, "2A008", "32.12Z", "Bijouterie Méditerranée", Map.of("trancheEffectifsEtablissement", "NN")))
                .row(craft(baker, "2A130", "10.71C", "Boulangerie Chez Gérôme", Map.of("trancheEffectifsEtablissement", "02")))
                .row(craft(closedBaker, "2A008", "10.71C", "Fournil Fermé", Map.of("etatAdministratifEtablissement", "F")))
                .row(craft(protectedPotter, "2A130", "23.41Z", "Poterie Secrète", Map.of("statutDiffusionEtablissement", "P")))
                .row(craft(portBaker, "2A008", "10.71C", "Boulangerie du Port", Map.of()))
                .row(craft(potteries, "2A008", "23.41Z", "Les Poteries du Port", Map.of()))
                .bytes();
        assertEquals("SUCCEEDED", Registry.importFile(file, "corse.csv").getString("status"));
    }

    private static io.restassured.response.ValidatableResponse search(String query) {
        return given().get("/v1/establishments?territoryId=" + territory + "&" + query).then().statusCode(200);
    }

    @Test
    void eachFilter() {
        search("").body("items.siret", containsInAnyOrder(potter, jeweller, baker, closedBaker, protectedPotter, portBaker, potteries));
        search("commune=2A008").body("items.siret", containsInAnyOrder(jeweller, closedBaker, portBaker, potteries));
        search("craftFamily=ALIMENTATION").body("items.siret", containsInAnyOrder(baker, closedBaker, portBaker));
        search("naf=23.41Z").body("items.siret", containsInAnyOrder(potter, protectedPotter, potteries));
        search("nafa=3212ZZ").body("items.siret", contains(jeweller));
        search("band=02").body("items.siret", contains(baker));
        search("active=false").body("items.siret", contains(closedBaker));
        search("active=true&craftFamily=ALIMENTATION").body("items.siret", containsInAnyOrder(baker, portBaker));
    }

    @Test
    void nameSearchIgnoresAccentsAndCaseAndToleratesTypos() {
        search("q=boulangerie chez gerome").body("items.siret", contains(baker));
        search("q=BIJOUTERIE MEDITERANEE").body("items.siret", contains(jeweller));
        search("q=potterie argile").body("items.siret", contains(potter));
        search("q=boulangrie").body("items.siret", containsInAnyOrder(baker, portBaker));
        search("q=boulang").body("items.siret", containsInAnyOrder(baker, portBaker));
    }

    @Test
    void nameSearchNeedsEveryWord() {
        search("q=boulangerie du port").body("items.siret", contains(portBaker));
        search("q=poterie chez gerome").body("items", empty());
    }

    @Test
    void nameSearchListsTheVeryWordsBeforeCloseOnesAcrossPages() {
        // "poterie" is a word of the potter's name; "Les Poteries du Port" only has a word close to it
        search("q=poterie").body("items.siret", contains(potter, potteries));
        Response first = given().get("/v1/establishments?territoryId=" + territory + "&q=poterie&limit=1");
        first.then().statusCode(200).body("items.siret", contains(potter));
        String next = first.path("next");
        assertNotNull(next);
        Response second = given().get("/v1/establishments?territoryId=" + territory + "&q=poterie&limit=1&cursor=" + next);
        second.then().statusCode(200).body("items.siret", contains(potteries));
        assertNull(second.path("next"));
    }

    @Test
    void protectedEstablishmentsAreNeverFoundByName() {
        search("q=poterie secrete").body("items.siret", not(hasItem(protectedPotter)));
        search("naf=23.41Z").body("items.find { it.siret == '" + protectedPotter + "' }", not(org.hamcrest.Matchers.hasKey("name")));
    }

    @Test
    void cursorPaginationWalksEveryEstablishmentOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().get("/v1/establishments?territoryId=" + territory + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            seen.addAll(page.path("items.siret"));
            cursor = page.path("next");
            if (cursor != null) {
                assertTrue(page.header("Link").contains("rel=\"next\""));
            }
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().distinct().count());
    }

    @Test
    void classificationIsRecordedWithWhoAndWhenFilteredAndCounted() {
        String etag = given().contentType(ContentType.JSON)
                .body(Map.of("metierArt", Map.of("domain", 6, "label", "Céramiste"), "tags", List.of("filiere-argile"),
                        "developmentPotential", true))
                .put("/v1/establishments/" + potter + "/classification").then().statusCode(200)
                .body("classification.metierArtLabel", equalTo("Céramiste"))
                .body("classification.updatedBy", equalTo(Tokens.claims(Tokens.admin()).get("sub").asText()))
                .body("classification.tags", contains("filiere-argile"))
                .extract().header("ETag");
        assertEquals("\"0\"", etag);
        search("tag=filiere-argile").body("items.siret", contains(potter));
        search("metierArtDomain=6").body("items.siret", contains(potter));
        given().get("/v1/territories/" + territory + "/statistics").then().body("artisansDArt", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("tags", List.of()))
                .put("/v1/establishments/" + potter + "/classification").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("tags", List.of()))
                .put("/v1/establishments/" + potter + "/classification").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("tags", List.of("filiere-argile", "jema"),
                "metierArt", Map.of("domain", 6, "label", "Céramiste")))
                .put("/v1/establishments/" + potter + "/classification").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void notesOfAdvisers() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Projet d'extension de l'atelier"))
                .post("/v1/establishments/" + jeweller + "/notes").then().statusCode(201);
        given().get("/v1/establishments/" + jeweller + "/notes").then().body("text", contains("Projet d'extension de l'atelier"));
    }

    @Test
    void changesFeedReturnsWhatChangedAfterTheCursor() {
        String start = given().get("/v1/establishment-changes?limit=1000").then().statusCode(200).extract().path("next");
        // drain the feed up to now
        String cursor = start;
        List<String> items;
        do {
            Response page = given().get("/v1/establishment-changes?limit=1000&cursor=" + cursor);
            items = page.path("items.siret");
            cursor = page.path("next");
        } while (!items.isEmpty());
        assertNotNull(cursor);
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of("jema")))
                .put("/v1/establishments/" + baker + "/classification").then().statusCode(200);
        String from = cursor;
        // shown once the transactions older than the classification (the outbox relay's, say) have ended
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !given().get("/v1/establishment-changes?cursor=" + from).path("items").equals(List.of()));
        given().get("/v1/establishment-changes?cursor=" + cursor).then().statusCode(200)
                .body("items.siret", contains(baker))
                .body("items[0].classification.tags", contains("jema"));
        String after = given().get("/v1/establishment-changes?cursor=" + cursor).then().extract().path("next");
        given().get("/v1/establishment-changes?cursor=" + after).then().body("items", empty());
    }
}
