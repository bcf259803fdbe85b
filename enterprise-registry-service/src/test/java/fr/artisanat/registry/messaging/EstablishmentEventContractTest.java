package fr.artisanat.registry.messaging;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.artisanat.platform.testing.EventSchemas;
import fr.artisanat.platform.testing.TopicReader;
import fr.artisanat.platform.testing.Tokens;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every type of event of the establishments topic, produced by two imports and a classification and read from the
 * real broker, validates against the committed schema of its type (docs/events/schemas). Communes of French Guiana,
 * which no other test uses.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstablishmentEventContractTest {

    private final EventSchemas schemas = EventSchemas.committed();
    private final String bakery = newSiret();
    private final String protectedPotter = newSiret();
    private final String closing = newSiret();
    private final String moving = newSiret();
    private final String becomingProtected = newSiret();
    private List<ConsumerRecord<String, String>> records;

    private List<ConsumerRecord<String, String>> records() {
        if (records != null) {
            return records;
        }
        Registry.territory("Centre Littoral (test)", "97302", "97307");
        byte[] first = SireneFile.layout48()
                .row(craft(bakery, "97302", "10.71C", "Boulangerie de Cayenne", Map.of("enseigne2Etablissement", "Le Fournil")))
                .row(craft(protectedPotter, "97302", "23.41Z", "[ND]", Map.of("statutDiffusionEtablissement", "P",
                        "libelleVoieEtablissement", "[ND]", "numeroVoieEtablissement", "[ND]")))
                .row(craft(closing, "97302", "43.22A", "Plomberie Fermante", Map.of()))
                .row(craft(moving, "97302", "43.32A", "Menuiserie Voyageuse", Map.of()))
                .row(craft(becomingProtected, "97307", "95.23Z", "Cordonnerie Discrète", Map.of()))
                .bytes();
        assertEquals("SUCCEEDED", Registry.importFile(first, "StockEtablissement-guyane.csv").getString("status"));
        given().contentType("application/json")
                .body(Map.of("metierArt", Map.of("domain", 6, "label", "Boulanger d'art"), "tags", List.of("filiere-pain"),
                        "developmentPotential", true))
                .put("/v1/establishments/" + bakery + "/classification").then().statusCode(200);
        byte[] second = SireneFile.layout48()
                .row(craft(bakery, "97302", "10.71C", "Boulangerie de Cayenne", Map.of("enseigne2Etablissement", "Le Fournil",
                        "trancheEffectifsEtablissement", "03")))
                .row(craft(protectedPotter, "97302", "23.41Z", "[ND]", Map.of("statutDiffusionEtablissement", "P",
                        "libelleVoieEtablissement", "[ND]", "numeroVoieEtablissement", "[ND]")))
                .row(craft(closing, "97302", "43.22A", "Plomberie Fermante", Map.of("etatAdministratifEtablissement", "F",
                        "dateDebut", "2025-06-30")))
                .row(craft(moving, "97307", "43.32A", "Menuiserie Voyageuse", Map.of()))
                .row(craft(becomingProtected, "97307", "95.23Z", "[ND]", Map.of("statutDiffusionEtablissement", "P")))
                .bytes();
        assertEquals("SUCCEEDED", Registry.importFile(second, "StockEtablissement-guyane-2.csv").getString("status"));

        Set<String> sirets = Set.of(bakery, protectedPotter, closing, moving, becomingProtected);
        records = TopicReader.awaitMatching("establishments", r -> sirets.contains(r.key()), 10, Duration.ofSeconds(60));
        return records;
    }

    @Test
    void everyTypeWithASchemaIsProducedAndEveryPayloadValidatesAgainstItsCommittedSchema() {
        assertEquals(10, records().size(), "registered ×5, classified, updated ×2, closed, relocated");
        assertEquals(schemas.types("establishment."), records().stream().map(r -> TopicReader.header(r, "ce_type"))
                .collect(Collectors.toCollection(TreeSet::new)), "the types produced here vs the schema files");
        for (ConsumerRecord<String, String> record : records()) {
            String type = TopicReader.header(record, "ce_type");
            assertEquals(List.of(), schemas.errors(type, record.value()), type + ": " + record.value());
        }
    }

    /** The schemas are not a formality: the privacy rule, the codes and the formats are asserted. */
    @Test
    void theSchemasRefuseWhatConsumersMustNotReceive() {
        assertEquals(List.of(), accepted(protectedPotter, "establishment.registered.v1", List.of(
                data -> establishment(data).put("name", "Poterie Secrète"),
                data -> establishment(data).putObject("address").put("streetName", "DES POTIERS"),
                data -> establishment(data).remove("withdrawnFields"),
                data -> establishment(data).put("siret", protectedPotter.substring(1)),
                data -> establishment(data).put("commune", "973"),
                data -> establishment(data).put("createdOn", "2012-13-45"),
                data -> establishment(data).put("unexpected", true))));
        assertEquals(List.of(), accepted(bakery, "establishment.registered.v1", List.of(
                data -> establishment(data).putArray("withdrawnFields").add("name").add("tradeNames").add("address"))));
        assertEquals(List.of(), accepted(moving, "establishment.relocated.v1", List.of(data -> data.remove("previousCommune"))));
        assertEquals(List.of(), accepted(closing, "establishment.closed.v1", List.of(data -> establishment(data).put("active", true))));
        assertEquals(List.of(), accepted(bakery, "establishment.classified.v1", List.of(
                data -> establishment(data).remove("classification"), data -> data.put("classifiedBy", 42),
                data -> data.put("classifiedBy", ""))));
        assertEquals(List.of(), accepted(bakery, "establishment.registered.v1", List.of(data -> data.put("classifiedBy", "x"))),
                "only a classification tells who classified");
    }

    /** Who classified is the caller's id (the token's subject), never a name the request gave. */
    @Test
    void aClassificationCarriesTheIdOfWhoClassified() {
        ConsumerRecord<String, String> classified = records().stream()
                .filter(r -> "establishment.classified.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow();
        assertEquals(Tokens.claims(Tokens.admin()).get("sub").asText(), JsonPath.from(classified.value()).getString("classifiedBy"));
    }

    /** The changed copies of the event, valid as it is, that its schema still accepts. */
    private List<String> accepted(String siret, String type, List<Consumer<ObjectNode>> changes) {
        String valid = records().stream().filter(r -> siret.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")))
                .findFirst().orElseThrow().value();
        assertEquals(List.of(), schemas.errors(type, valid), valid);
        return schemas.accepted(type, valid, changes);
    }

    private static ObjectNode establishment(ObjectNode data) {
        return (ObjectNode) data.get("establishment");
    }
}
