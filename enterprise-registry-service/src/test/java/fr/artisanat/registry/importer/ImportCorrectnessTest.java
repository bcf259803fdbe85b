package fr.artisanat.registry.importer;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.Registry.events;
import static fr.artisanat.registry.Registry.types;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the import does with a SIRET repeated in a file, an unusable commune code and an establishment whose diffusion
 * status becomes P. Communes of Martinique, which no other test uses.
 */
@QuarkusTest
class ImportCorrectnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void theLastRowOfASiretRepeatedInAFileWins() throws Exception {
        String territory = Registry.territory("Fort-de-France (test)", "97209");
        String siret = newSiret();
        byte[] file = SireneFile.layout48()
                .row(craft(siret, "97209", "10.71C", "Premier Fournil", Map.of("trancheEffectifsEtablissement", "01")))
                .row(craft(siret, "97209", "10.71C", "Deuxième Fournil", Map.of("trancheEffectifsEtablissement", "02")))
                .row(craft(siret, "97209", "10.71C", "Troisième Fournil", Map.of("trancheEffectifsEtablissement", "03")))
                .bytes();

        JsonPath report = Registry.importFile(file, "repeated.csv");
        assertEquals("SUCCEEDED", report.getString("status"), report.prettify());
        assertEquals(3, report.getLong("kept"));
        assertEquals(1, report.getLong("inserted"));
        assertEquals(0, report.getLong("unchanged"), "the rows a later one replaced are not establishments left unchanged");
        given().get("/v1/establishments/" + siret).then().statusCode(200)
                .body("name", equalTo("Troisième Fournil")).body("employeeBand", equalTo("03"));
        given().get("/v1/establishments?territoryId=" + territory + "&q=premier").then().body("items", empty());
        given().get("/v1/establishments?territoryId=" + territory + "&q=troisieme").then().body("items.siret", contains(siret));

        List<ConsumerRecord<String, String>> events = events(siret, 1);
        assertEquals(List.of("establishment.registered.v1"), types(events));
        JsonNode registered = JSON.readTree(events.get(0).value()).get("establishment");
        assertEquals("Troisième Fournil", registered.get("name").asText());
        assertEquals("03", registered.get("employeeBand").asText());

        JsonPath again = Registry.importFile(file, "repeated.csv");
        assertEquals(0, again.getLong("inserted") + again.getLong("updated"), again.prettify());
        assertEquals(1, again.getLong("unchanged"));
    }

    @Test
    void rowsWithAnUnusableCommuneCodeAreRejectedWithTheirLineWhateverTheTerritory() {
        Registry.territory("Le Lamentin (test)", "97213");
        String kept = newSiret();
        String tooShort = newSiret();
        String notCorsica = newSiret();
        String letters = newSiret();
        String missing = newSiret();
        String abroad = newSiret();
        String notCraft = newSiret();
        byte[] file = SireneFile.layout48()
                .row(craft(kept, "97213", "43.22A", "Plomberie du Lamentin", Map.of()))
                .row(craft(tooShort, "9721", "43.22A", "Code court", Map.of()))
                .row(craft(notCorsica, "2C001", "43.22A", "Corse inconnue", Map.of()))
                .row(craft(letters, "AB123", "43.22A", "Lettres", Map.of()))
                .row(craft(missing, "", "43.22A", "Sans commune", Map.of()))
                .row(craft(abroad, "", "43.22A", "Atelier de Genève", Map.of("codePaysEtrangerEtablissement", "99140")))
                .row(craft(notCraft, "9721", "62.01Z", "Logiciels", Map.of("activitePrincipaleRegistreMetiersEtablissement", "")))
                .bytes();

        JsonPath report = Registry.importFile(file, "communes.csv");
        assertEquals("SUCCEEDED", report.getString("status"), report.prettify());
        assertEquals(1, report.getLong("kept"));
        assertEquals(4, report.getLong("rejected"));
        given().get("/v1/imports/" + report.getString("id") + "/rejections").then().statusCode(200)
                .body("line", contains(3, 4, 5, 6))
                .body("siret", contains(tooShort, notCorsica, letters, missing))
                .body("reason", everyItem(containsString("codeCommuneEtablissement")))
                .body("[0].reason", containsString("9721"));
        given().get("/v1/establishments/" + kept).then().statusCode(200);
    }

    @Test
    void anEstablishmentBecomingProtectedLosesItsNameTradeNamesAndAddressEverywhere() throws Exception {
        String territory = Registry.territory("Schœlcher (test)", "97229");
        String siret = newSiret();
        String neighbour = newSiret();
        Map<String, String> open = Map.of("enseigne2Etablissement", "Atelier Zyrtholomew");
        Map<String, String> protectedRow = Map.of("statutDiffusionEtablissement", "P", "enseigne1Etablissement", "[ND]",
                "enseigne2Etablissement", "[ND]", "denominationUsuelleEtablissement", "[ND]", "numeroVoieEtablissement", "[ND]",
                "typeVoieEtablissement", "[ND]", "libelleVoieEtablissement", "[ND]", "codePostalEtablissement", "[ND]",
                "libelleCommuneEtablissement", "[ND]");
        SireneFile first = SireneFile.layout48()
                .row(craft(siret, "97229", "23.41Z", "Poterie Quillonvaire Carbetovine", open))
                .row(craft(neighbour, "97229", "23.41Z", "Poterie du Morne", Map.of()));
        assertEquals("SUCCEEDED", Registry.importFile(first.bytes(), "open.csv").getString("status"));
        given().get("/v1/establishments?territoryId=" + territory + "&q=quillonvaire").then().body("items.siret", contains(siret));
        assertTrue(dictionaryHolds("quillonvaire"));

        SireneFile second = SireneFile.layout48()
                .row(craft(siret, "97229", "23.41Z", "[ND]", protectedRow))
                .row(craft(neighbour, "97229", "23.41Z", "Poterie du Morne", Map.of()))
                .row(craft(newSiret(), "97229", "23.41Z", "Atelier Carbetovine", Map.of()));
        JsonPath report = Registry.importFile(second.bytes(), "protected.csv");
        assertEquals(1, report.getLong("updated"), report.prettify());
        assertEquals(1, report.getLong("inserted"), report.prettify());

        given().get("/v1/establishments/" + siret).then().statusCode(200).body("diffusion", equalTo("P"))
                .body("$", not(hasKey("name"))).body("$", not(hasKey("tradeNames"))).body("$", not(hasKey("address")));
        given().get("/v1/establishments?territoryId=" + territory).then()
                .body("items.find { it.siret == '" + siret + "' }", not(hasKey("name")))
                .body("items.find { it.siret == '" + siret + "' }", not(hasKey("address")));
        String csv = given().get("/v1/territories/" + territory + "/exports/establishments.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(neighbour), csv);
        assertFalse(csv.contains(siret) || csv.contains("Quillonvaire") || csv.contains("Zyrtholomew"), csv);
        for (String query : List.of("quillonvaire", "quillonvair", "zyrtholomew", "poterie")) {
            given().get("/v1/establishments?territoryId=" + territory + "&q=" + query).then()
                    .body("items.siret", not(org.hamcrest.Matchers.hasItem(siret)));
        }
        assertFalse(dictionaryHolds("quillonvaire"), "a word only the withdrawn name held leaves the dictionary");
        assertFalse(dictionaryHolds("zyrtholomew"));
        assertTrue(dictionaryHolds("poterie"), "a word other names hold stays");
        assertTrue(dictionaryHolds("carbetovine"), "a word of the withdrawn name that a name of the same import holds stays");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                select concat(name, array_to_string(trade_names, ''), street_number, street_type, street_name,
                    address_extra, postal_code, commune_name, array_to_string(search_words, ''))
                from establishment where siret = ?1""").setParameter(1, siret).getSingleResult());
        assertEquals("", stored, "name, trade names, address and search words are erased from the row");

        List<ConsumerRecord<String, String>> events = events(siret, 2);
        assertEquals(List.of("establishment.registered.v1", "establishment.updated.v1"), types(events));
        JsonNode registered = JSON.readTree(events.get(0).value()).get("establishment");
        assertFalse(registered.has("withdrawnFields"), registered.toString());
        JsonNode updated = JSON.readTree(events.get(1).value()).get("establishment");
        assertEquals("P", updated.get("diffusion").asText());
        assertEquals(JSON.readTree("[\"name\",\"tradeNames\",\"address\"]"), updated.get("withdrawnFields"), updated.toString());
        for (String field : List.of("name", "tradeNames", "address")) {
            assertFalse(updated.has(field), updated.toString());
        }
    }

    private boolean dictionaryHolds(String word) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from search_word where word = ?1").setParameter(1, word).getSingleResult()).longValue() > 0);
    }
}
