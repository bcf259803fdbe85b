package fr.artisanat.registry.importer;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.Registry.events;
import static fr.artisanat.registry.Registry.types;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import fr.artisanat.platform.testing.TopicReader;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A known small file, then the same file again, then a newer file in the newer layout: what is kept, rejected,
 * updated, closed and relocated, the figures, and the events. Communes of La Réunion, which no other test uses.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SireneImportTest {

    final String bakery = newSiret();
    final String plumber = newSiret();
    final String potterP = newSiret();
    final String closedRoofer = newSiret();
    final String programmer = newSiret();
    final String parisBaker = newSiret();
    final String badCheckDigit = plumber.substring(0, 13) + ((plumber.charAt(13) - '0' + 1) % 10);
    final String badBand = newSiret();
    final String laPoste = "35600000000001";
    final String laPosteInvalid = "35600000000002";
    final String newcomer = newSiret();
    String territory;

    byte[] firstFile() {
        return SireneFile.layout48()
                .row(craft(bakery, "97416", "10.71C", "Boulangerie Pâtisserie Éclair", Map.of("dateCreationEtablissement", "2012-05-14")))
                .row(craft(plumber, "97416", "43.22A", "Plomberie du Sud", Map.of("trancheEffectifsEtablissement", "02",
                        "dateCreationEtablissement", "2019-03-01")))
                .row(craft(potterP, "97414", "23.41Z", "[ND]", Map.of("statutDiffusionEtablissement", "P",
                        "trancheEffectifsEtablissement", "NN", "libelleVoieEtablissement", "[ND]", "numeroVoieEtablissement", "[ND]",
                        "dateCreationEtablissement", "2019-09-09")))
                .row(craft(closedRoofer, "97414", "43.32A", "Menuiserie Fermée", Map.of("etatAdministratifEtablissement", "F",
                        "dateDebut", "2020-06-30", "dateCreationEtablissement", "2001-01-01")))
                .row(craft(programmer, "97416", "62.01Z", "Logiciels", Map.of("activitePrincipaleRegistreMetiersEtablissement", "")))
                .row(craft(parisBaker, "75056", "10.71C", "Boulangerie de Paris", Map.of()))
                .row(craft(badCheckDigit, "97416", "10.71C", "Mauvaise clé", Map.of()))
                .row(craft(badBand, "97416", "10.71C", "Tranche inconnue", Map.of("trancheEffectifsEtablissement", "ZZ")))
                .raw("\"unterminated,quote")
                .row(craft(laPoste, "97404", "95.23Z", "Cordonnerie de la Poste", Map.of("trancheEffectifsEtablissement", "00",
                        "dateCreationEtablissement", "2019-11-11")))
                .row(craft(laPosteInvalid, "97404", "95.23Z", "Poste invalide", Map.of()))
                .bytes();
    }

    @Test
    @Order(1)
    void firstImportKeepsTrackedCraftRowsAndReportsRejectedLines() {
        territory = Registry.territory("Sud de La Réunion (test)", "97416", "97414", "97404");
        JsonPath report = Registry.importFile(firstFile(), "StockEtablissement-2024.csv");
        assertEquals("SUCCEEDED", report.getString("status"));
        assertEquals(11, report.getLong("rowsRead"));
        assertEquals(5, report.getLong("kept"));
        assertEquals(5, report.getLong("inserted"));
        assertEquals(4, report.getLong("rejected"));

        given().get("/v1/imports/" + report.getString("id") + "/rejections").then().statusCode(200)
                .body("line", contains(8, 9, 10, 12))
                .body("[0].reason", org.hamcrest.Matchers.containsString("invalid SIRET"))
                .body("[1].reason", org.hamcrest.Matchers.containsString("trancheEffectifs"))
                .body("[2].reason", org.hamcrest.Matchers.containsString("malformed"))
                .body("[3].siret", equalTo(laPosteInvalid));

        given().get("/v1/establishments/" + bakery).then().statusCode(200)
                .body("name", equalTo("Boulangerie Pâtisserie Éclair")).body("craftFamily", equalTo("ALIMENTATION"))
                .body("nafaCode", equalTo("1071CZ")).body("address.streetName", equalTo("DES POTIERS")).body("active", equalTo(true));
        given().get("/v1/establishments/" + laPoste).then().statusCode(200).body("craftFamily", equalTo("SERVICES"));
        given().get("/v1/establishments/" + closedRoofer).then().body("active", equalTo(false)).body("closedOn", equalTo("2020-06-30"));
        given().get("/v1/establishments/" + programmer).then().statusCode(404);
        given().get("/v1/establishments/" + parisBaker).then().statusCode(404);
    }

    @Test
    @Order(2)
    void protectedEstablishmentsNeverShowNameTradeNamesOrAddress() {
        given().get("/v1/establishments/" + potterP).then().statusCode(200)
                .body("diffusion", equalTo("P")).body("commune", equalTo("97414"))
                .body("$", not(hasKey("name"))).body("$", not(hasKey("tradeNames"))).body("$", not(hasKey("address")));
    }

    @Test
    @Order(3)
    void statisticsOfTheKnownFile() {
        JsonPath stats = given().get("/v1/territories/" + territory + "/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(5, stats.getLong("establishments"));
        assertEquals(4, stats.getLong("active"));
        assertEquals(1, stats.getLong("closed"));
        // Owner + middle of the band: 01 → 2.5, 02 → 5, NN → 1, 00 → 1 (the closed one does not count).
        assertEquals(10, stats.getInt("estimatedJobs.estimate"));
        assertEquals(8, stats.getInt("estimatedJobs.low"));
        assertEquals(11, stats.getInt("estimatedJobs.high"));
        assertEquals(List.of("ALIMENTATION", "BATIMENT", "FABRICATION", "SERVICES"), stats.getList("byCraftFamily.craftFamily"));
        assertEquals(List.of(1, 1, 1, 1), stats.getList("byCraftFamily.active"));
        assertEquals(List.of(0, 1, 0, 0), stats.getList("byCraftFamily.closed"));
        assertEquals(List.of(2020), stats.getList("closuresByYear.year"));
        assertEquals(List.of(2001, 2012, 2019), stats.getList("creationsByYear.year"));
        assertEquals(List.of(1, 1, 3), stats.getList("creationsByYear.count"));
        given().get("/v1/territories/" + territory + "/statistics?commune=97414").then()
                .body("establishments", equalTo(2)).body("active", equalTo(1)).body("$", not(hasKey("byCommune")));
    }

    @Test
    @Order(4)
    void reimportingTheSameFileChangesNothingAndEmitsNothing() {
        long eventsBefore = events(bakery, 1).size();
        JsonPath report = Registry.importFile(firstFile(), "StockEtablissement-2024.csv");
        assertEquals(5, report.getLong("kept"));
        assertEquals(0, report.getLong("inserted"));
        assertEquals(0, report.getLong("updated"));
        assertEquals(0, report.getLong("closed"));
        assertEquals(5, report.getLong("unchanged"));
        assertEquals(eventsBefore, events(bakery, 1).size());
    }

    @Test
    @Order(5)
    void newerFileInTheNewerLayoutGzippedUpdatesClosesRelocatesAndRegisters() throws Exception {
        byte[] newer = new SireneFile(SireneFile.NEWER_LAYOUT)
                .row(craft(bakery, "97416", "10.71C", "Boulangerie Pâtisserie Éclair", Map.of("dateCreationEtablissement", "2012-05-14",
                        "trancheEffectifsEtablissement", "02", "identifiantAdresseEtablissement", "97416_0001")))
                .row(craft(plumber, "97414", "43.22A", "Plomberie du Sud", Map.of("trancheEffectifsEtablissement", "02",
                        "dateCreationEtablissement", "2019-03-01")))
                .row(craft(potterP, "97414", "23.41Z", "[ND]", Map.of("statutDiffusionEtablissement", "P",
                        "trancheEffectifsEtablissement", "NN", "libelleVoieEtablissement", "[ND]", "numeroVoieEtablissement", "[ND]",
                        "dateCreationEtablissement", "2019-09-09", "etatAdministratifEtablissement", "F", "dateDebut", "2025-02-01")))
                .row(craft(closedRoofer, "97414", "43.32A", "Menuiserie Fermée", Map.of("etatAdministratifEtablissement", "F",
                        "dateDebut", "2020-06-30", "dateCreationEtablissement", "2001-01-01")))
                .row(craft(laPoste, "97404", "95.23Z", "Cordonnerie de la Poste", Map.of("trancheEffectifsEtablissement", "00",
                        "dateCreationEtablissement", "2019-11-11")))
                .row(craft(newcomer, "97404", "96.02A", "Salon Coiffure Océane", Map.of()))
                .gzip();
        JsonPath report = Registry.importFile(newer, "StockEtablissement-2025.csv.gz");
        assertEquals("SUCCEEDED", report.getString("status"), report.prettify());
        assertEquals(6, report.getLong("kept"));
        assertEquals(1, report.getLong("inserted"));
        assertEquals(2, report.getLong("updated"));
        assertEquals(1, report.getLong("closed"));
        assertEquals(2, report.getLong("unchanged"));

        given().get("/v1/establishments/" + bakery).then().body("employeeBand", equalTo("02"));
        given().get("/v1/establishments/" + plumber).then().body("commune", equalTo("97414"));
        given().get("/v1/establishments/" + potterP).then().body("active", equalTo(false)).body("closedOn", equalTo("2025-02-01"));

        assertEquals(List.of("establishment.registered.v1", "establishment.updated.v1"), types(events(bakery, 2)));
        assertEquals(List.of("establishment.registered.v1", "establishment.relocated.v1"), types(events(plumber, 2)));
        assertEquals(List.of("establishment.registered.v1", "establishment.closed.v1"), types(events(potterP, 2)));
        assertEquals(List.of("establishment.registered.v1"), types(events(newcomer, 1)));

        ConsumerRecord<String, String> relocated = events(plumber, 2).get(1);
        assertTrue(relocated.value().contains("\"previousCommune\":\"97416\""), relocated.value());
        assertEquals("/enterprise-registry-service", TopicReader.header(relocated, "ce_source"));
        assertEquals(plumber, TopicReader.header(relocated, "ce_subject"));
        assertEquals("1.0", TopicReader.header(relocated, "ce_specversion"));
        for (ConsumerRecord<String, String> event : events(potterP, 2)) {
            JsonNode establishment = new ObjectMapper().readTree(event.value()).get("establishment");
            for (String field : List.of("name", "address", "tradeNames")) {
                assertFalse(establishment.has(field), event.value());
            }
        }
    }

    @Test
    @Order(8)
    void eventsOfTheImportAndOfTheServiceCarryTheSameEstablishmentData() throws Exception {
        given().contentType("application/json")
                .body(Map.of("metierArt", Map.of("domain", 2, "label", "Boulanger d'art"), "tags", List.of("jema")))
                .put("/v1/establishments/" + bakery + "/classification").then().statusCode(200);
        byte[] newer = new SireneFile(SireneFile.NEWER_LAYOUT)
                .row(craft(bakery, "97416", "10.71C", "Boulangerie Pâtisserie Éclair", Map.of("dateCreationEtablissement", "2012-05-14",
                        "trancheEffectifsEtablissement", "03", "identifiantAdresseEtablissement", "97416_0001")))
                .bytes();
        assertEquals("SUCCEEDED", Registry.importFile(newer, "StockEtablissement-2026.csv").getString("status"));

        List<ConsumerRecord<String, String>> events = events(bakery, 4);
        assertEquals(List.of("establishment.registered.v1", "establishment.updated.v1", "establishment.classified.v1",
                "establishment.updated.v1"), types(events));
        ObjectMapper json = new ObjectMapper();
        JsonNode classified = json.readTree(events.get(2).value()).get("establishment");
        JsonNode imported = json.readTree(events.get(3).value()).get("establishment");
        assertFalse(json.readTree(events.get(0).value()).get("establishment").has("classification"), events.get(0).value());
        assertEquals(classified.get("classification"), imported.get("classification"), imported.toString());
        assertEquals("jema", imported.at("/classification/tags/0").asText());
        assertEquals(classified.get("version").asLong() + 1, imported.get("version").asLong());
        assertEquals("03", imported.get("employeeBand").asText());
        List<String> classifiedFields = new java.util.ArrayList<>();
        List<String> importedFields = new java.util.ArrayList<>();
        classified.fieldNames().forEachRemaining(classifiedFields::add);
        imported.fieldNames().forEachRemaining(importedFields::add);
        assertEquals(classifiedFields, importedFields);
        for (String field : List.of("siret", "name", "tradeNames", "address", "commune", "nafCode", "createdOn", "active")) {
            assertEquals(classified.get(field), imported.get(field), field);
        }
    }

    @Test
    @Order(6)
    void protectedEstablishmentIsNotInTheExportButCountsInStatistics() {
        String csv = given().get("/v1/territories/" + territory + "/exports/establishments.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("siret,name,trade_names,"), csv);
        assertTrue(csv.contains(bakery + ",Boulangerie Pâtisserie Éclair,"), csv);
        assertFalse(csv.contains(potterP), "diffusion P never exported");
        assertTrue(csv.endsWith("\r\n"));
        given().get("/v1/territories/" + territory + "/statistics").then().body("establishments", equalTo(6));
    }

    @Test
    @Order(7)
    void rejectionsOfAnUnknownImportAre404() {
        given().get("/v1/imports/" + java.util.UUID.randomUUID() + "/rejections").then().statusCode(404)
                .body("status", equalTo(404)).body("detail", not(nullValue()));
    }
}
