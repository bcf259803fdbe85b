package fr.artisanat.registry.api;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.Tokens;
import fr.artisanat.registry.ConventionTopic;
import fr.artisanat.registry.ConventionTopic.Authority;
import fr.artisanat.registry.ConventionTopic.Chamber;
import fr.artisanat.registry.ConventionTopic.Convention;
import fr.artisanat.registry.ProjectionTables;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 10, authorization per partner in the registry, through HTTP with real tokens of the demo partners: Valence
 * Romans Agglo and the Métropole (authorities), the CMA Auvergne-Rhône-Alpes and the CMAR PACA (chambers), and their
 * systems. The chambers' regions come from convention events on the real topic, as the registry learns them.
 */
@QuarkusTest
class PartnerScopeTest {

    static final Authority VALENCE_ROMANS = new Authority(UUID.randomUUID(), "CA Valence Romans Agglo", "200068781");
    static final Authority METROPOLE = new Authority(UUID.randomUUID(), "Métropole d'Aix-Marseille-Provence", "200054807");
    static final Chamber CMA_AURA = new Chamber(UUID.fromString("c0000000-0000-4000-8000-000000000084"),
            "CMA Auvergne-Rhône-Alpes", "REGIONAL", "Auvergne-Rhône-Alpes", null);
    static final Chamber CMAR_PACA = new Chamber(UUID.fromString("c0000000-0000-4000-8000-000000000093"),
            "CMAR Provence-Alpes-Côte d'Azur", "REGIONAL", "Provence-Alpes-Côte d'Azur", null);
    static final Set<String> AURA_DEPARTEMENTS = Set.of("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74");

    static final String valence = newSiret();
    static final String valenceProtected = newSiret();
    static final String valenceShared = newSiret();
    static final String aubagne = newSiret();
    static final String lyon = newSiret();
    static String territory;
    static Convention statisticsOnly;

    @Inject
    ProjectionTables projection;

    static String valenceRomansOfficer() {
        return Tokens.user("valence-romans-officer");
    }

    static String metropoleOfficer() {
        return Tokens.user("metropole-officer");
    }

    static String cmaAuraAdviser() {
        return Tokens.user("cma-aura-adviser");
    }

    static String cmarPacaAdviser() {
        return Tokens.user("cmar-paca-adviser");
    }

    static RequestSpecification as(String token) {
        return given().header(BearerTokens.as(token));
    }

    static String subject(String token) {
        return Tokens.claims(token).get("sub").asText();
    }

    @BeforeEach
    void data() {
        if (territory != null) {
            return;
        }
        // as the demo's conventions: the CMA AURA shares its statistics only with Valence Romans; the registry learns
        // both chambers' regions from them
        statisticsOnly = told(Convention.between(VALENCE_ROMANS, CMA_AURA).sharing(CMA_AURA.id(), "CRAFT_STATISTICS"));
        told(Convention.between(METROPOLE, CMAR_PACA));
        territory = Registry.territory("Scopes (test)", "26362", "13005", "69123");
        byte[] file = SireneFile.layout48()
                .row(craft(valence, "26362", "23.41Z", "Poterie de Valence", Map.of()))
                .row(craft(valenceProtected, "26362", "23.41Z", "Poterie Secrète", Map.of("statutDiffusionEtablissement", "P")))
                .row(craft(valenceShared, "26362", "32.12Z", "Bijouterie du Rhône", Map.of()))
                .row(craft(aubagne, "13005", "23.41Z", "Santons d'Aubagne", Map.of()))
                .row(craft(lyon, "69123", "10.71C", "Boulangerie de Lyon", Map.of()))
                .bytes();
        assertEquals("SUCCEEDED", Registry.importFile(file, "scopes.csv").getString("status"));
    }

    private Convention told(Convention convention) {
        ConventionTopic.publish(convention);
        projection.awaitVersion(convention.id(), convention.version());
        return convention;
    }

    /** Of this test's establishments (other tests import in the same communes), those the caller finds. */
    private static Set<String> searched(String token) {
        Set<String> found = new HashSet<>(as(token).get("/v1/establishments?limit=100&territoryId=" + territory).then()
                .statusCode(200).extract().<List<String>>path("items.siret"));
        found.retainAll(Set.of(valence, valenceProtected, valenceShared, aubagne, lyon));
        return found;
    }

    @Test
    void eachPartnerReadsItsPartOfTheRegistryOnly() {
        Map<String, Set<String>> expected = Map.of(
                valenceRomansOfficer(), Set.of(valence, valenceProtected, valenceShared),
                Tokens.client("valence-romans-agglo-system"), Set.of(valence, valenceProtected, valenceShared),
                metropoleOfficer(), Set.of(aubagne),
                cmaAuraAdviser(), Set.of(valence, valenceProtected, valenceShared, lyon),
                Tokens.client("cma-aura-crm"), Set.of(valence, valenceProtected, valenceShared, lyon),
                cmarPacaAdviser(), Set.of(aubagne),
                Tokens.admin(), Set.of(valence, valenceProtected, valenceShared, aubagne, lyon));
        expected.forEach((token, sirets) -> {
            assertEquals(sirets, searched(token), Tokens.claims(token).toString());
            for (String siret : List.of(valence, valenceProtected, aubagne, lyon)) {
                as(token).get("/v1/establishments/" + siret).then().statusCode(sirets.contains(siret) ? 200 : 404);
            }
        });
        // a search without filters stays in the caller's part too
        List<String> communes = as(metropoleOfficer()).get("/v1/establishments?limit=100").then().statusCode(200)
                .extract().path("items.commune");
        assertTrue(communes.contains("13005"));
        communes.forEach(commune -> assertTrue(commune.startsWith("13"), commune));
        // P privacy is unchanged for everyone
        as(cmaAuraAdviser()).get("/v1/establishments/" + valenceProtected).then().body("name", nullValue()).body("address", nullValue());
    }

    @Test
    void territoriesTheirStatisticsAndExportsAreTheirOwnersOnly() {
        String valenceRomansEpci = epci("200068781");
        String metropoleEpci = epci("200054807");
        for (String path : List.of("", "/statistics", "/exports/statistics.csv", "/exports/establishments.csv")) {
            as(valenceRomansOfficer()).get("/v1/territories/" + valenceRomansEpci + path).then().statusCode(200);
            as(cmaAuraAdviser()).get("/v1/territories/" + valenceRomansEpci + path).then().statusCode(200);
            as(metropoleOfficer()).get("/v1/territories/" + valenceRomansEpci + path).then().statusCode(404);
            as(cmarPacaAdviser()).get("/v1/territories/" + valenceRomansEpci + path).then().statusCode(404);
            as(valenceRomansOfficer()).get("/v1/territories/" + metropoleEpci + path).then().statusCode(404);
            as(valenceRomansOfficer()).get("/v1/territories/" + territory + path).then().statusCode(404);
        }
        as(valenceRomansOfficer()).get("/v1/territories?q=200068781").then().body("items.id", equalTo(List.of(valenceRomansEpci)));
        as(valenceRomansOfficer()).get("/v1/territories?q=200054807").then().body("items", equalTo(List.of()));
        as(cmarPacaAdviser()).get("/v1/territories?q=200068781").then().body("items", equalTo(List.of()));
        List<String> listed = as(valenceRomansOfficer()).get("/v1/territories?limit=100").then().extract().path("items.id");
        assertTrue(listed.contains(valenceRomansEpci));
        assertFalse(listed.contains(metropoleEpci) || listed.contains(territory), listed.toString());

        String csv = as(valenceRomansOfficer()).get("/v1/territories/" + valenceRomansEpci + "/exports/establishments.csv").asString();
        assertTrue(csv.contains(valence), csv);
        assertFalse(csv.contains(valenceProtected), "never a P establishment");

        // a territory a partner defines is its own, of communes of its part
        String own = as(valenceRomansOfficer()).contentType(ContentType.JSON)
                .body(Map.of("code", "test-vr-" + System.nanoTime(), "name", "Valence (test)", "communes", List.of("26362")))
                .post("/v1/territories").then().statusCode(201).extract().path("id");
        int active = given().get("/v1/territories/" + own + "/statistics").then().extract().path("active");
        as(valenceRomansOfficer()).get("/v1/territories/" + own + "/statistics").then().statusCode(200).body("active", equalTo(active));
        as(metropoleOfficer()).get("/v1/territories/" + own).then().statusCode(404);
        as(cmaAuraAdviser()).get("/v1/territories/" + own).then().statusCode(404);
        as(valenceRomansOfficer()).contentType(ContentType.JSON)
                .body(Map.of("code", "test-vr-" + System.nanoTime(), "name", "Aubagne (test)", "communes", List.of("26362", "13005")))
                .post("/v1/territories").then().statusCode(422).body("errors[0].field", equalTo("communes[1]"));
    }

    private static String epci(String siren) {
        return given().get("/v1/territories?q=" + siren).then().extract().path("items[0].id");
    }

    @Test
    void writesOutsideOnesPartAreNotFoundAndWriteNothing() {
        classify(cmarPacaAdviser(), valence).statusCode(404);
        note(metropoleOfficer(), valence, "Hors périmètre").statusCode(404);
        note(cmarPacaAdviser(), valence, "Hors périmètre").statusCode(404);
        as(cmarPacaAdviser()).get("/v1/establishments/" + valence + "/notes").then().statusCode(404);
        // in its part, but an authority classifies and reads notes never
        classify(valenceRomansOfficer(), valence).statusCode(403);
        note(valenceRomansOfficer(), valence, "Pas une chambre").statusCode(403);
        as(valenceRomansOfficer()).get("/v1/establishments/" + valence + "/notes").then().statusCode(403);
        given().get("/v1/establishments/" + valence).then().body("classification", nullValue());
        given().get("/v1/establishments/" + valence + "/notes").then().body("", equalTo(List.of()));

        String adviser = cmaAuraAdviser();
        classify(adviser, valence).statusCode(200).body("classification.updatedBy", equalTo(subject(adviser)));
        note(adviser, valence, "Projet de four à bois").statusCode(201).body("author", equalTo(subject(adviser)));
        note(Tokens.admin(), valence, "Note d'un administrateur").statusCode(201);
        as(Tokens.client("cma-aura-crm")).get("/v1/establishments/" + valence + "/notes").then().statusCode(200)
                .body("text", equalTo(List.of("Projet de four à bois")));
        given().get("/v1/establishments/" + valence + "/notes").then().body("text",
                equalTo(List.of("Projet de four à bois", "Note d'un administrateur")));

        note(cmarPacaAdviser(), aubagne, "Santonnier").statusCode(201);
        as(cmaAuraAdviser()).get("/v1/establishments/" + aubagne + "/notes").then().statusCode(404);
        as(metropoleOfficer()).get("/v1/establishments/" + aubagne + "/notes").then().statusCode(403);
        as(cmarPacaAdviser()).get("/v1/establishments/" + aubagne + "/notes").then().body("text", equalTo(List.of("Santonnier")));
    }

    private static io.restassured.response.ValidatableResponse classify(String token, String siret) {
        return as(token).contentType(ContentType.JSON).body(Map.of("tags", List.of("filiere-argile")))
                .put("/v1/establishments/" + siret + "/classification").then();
    }

    private static io.restassured.response.ValidatableResponse note(String token, String siret, String text) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("text", text)).post("/v1/establishments/" + siret + "/notes").then();
    }

    @Test
    void anAuthorityReadsTheChambersClassificationOnlyWhileTheirConventionSharesIt() {
        classify(cmaAuraAdviser(), valenceShared).statusCode(200);
        assertClassificationShown(false, "a convention that shares statistics only");

        Convention sharing = told(statisticsOnly.sharingRegistryData().version(statisticsOnly.version() + 1));
        assertClassificationShown(true, "the convention shares the chamber's registry data");
        as(metropoleOfficer()).get("/v1/establishments/" + valenceShared).then().statusCode(404);

        told(sharing.next("TERMINATED"));
        assertClassificationShown(false, "terminated");

        Convention another = told(Convention.between(VALENCE_ROMANS, CMA_AURA).sharingRegistryData());
        assertClassificationShown(true, "another convention shares it");
        told(another.next("EXPIRED"));
        assertClassificationShown(false, "expired");
    }

    /** In the lookup, the search and the changes feed alike. */
    private void assertClassificationShown(boolean shown, String why) {
        String officer = valenceRomansOfficer();
        as(officer).get("/v1/establishments/" + valenceShared).then().statusCode(200)
                .body("classification", shown ? notNullValue() : nullValue());
        as(officer).get("/v1/establishments?limit=100&territoryId=" + territory).then()
                .body("items.find { it.siret == '" + valenceShared + "' }.classification", shown ? notNullValue() : nullValue());
        List<Map<String, Object>> fed = feed(officer).stream().filter(item -> valenceShared.equals(item.get("siret"))).toList();
        assertEquals(1, fed.size(), why);
        assertEquals(shown, fed.get(0).get("classification") != null, why);
        as(cmaAuraAdviser()).get("/v1/establishments/" + valenceShared).then().body("classification", notNullValue());
    }

    @Test
    void aPartnerSystemSyncsItsPartThroughTheChangesFeed() {
        String valenceRomansSystem = Tokens.client("valence-romans-agglo-system");
        List<String> valenceRomansCommunes = given().get("/v1/territories/" + epci("200068781")).then().extract().path("communes");
        await().atMost(Duration.ofSeconds(30)).until(() -> sirets(feed(valenceRomansSystem)).contains(valence));
        List<Map<String, Object>> items = feed(valenceRomansSystem);
        assertTrue(sirets(items).containsAll(List.of(valence, valenceProtected, valenceShared)));
        assertFalse(sirets(items).contains(aubagne) || sirets(items).contains(lyon));
        items.forEach(item -> assertTrue(valenceRomansCommunes.contains(item.get("commune")), item.toString()));

        List<Map<String, Object>> chamberItems = feed(Tokens.client("cma-aura-crm"));
        assertTrue(sirets(chamberItems).containsAll(List.of(valence, lyon)));
        assertFalse(sirets(chamberItems).contains(aubagne));
        chamberItems.forEach(item -> assertTrue(AURA_DEPARTEMENTS.contains(((String) item.get("commune")).substring(0, 2)), item.toString()));
    }

    /** The whole changes feed as the caller follows it, from the start until a page is empty. */
    private static List<Map<String, Object>> feed(String token) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        while (true) {
            Response page = as(token).get("/v1/establishment-changes?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            List<Map<String, Object>> got = page.path("items");
            if (got.isEmpty()) {
                return items;
            }
            items.addAll(got);
            cursor = page.path("next");
        }
    }

    private static List<Object> sirets(List<Map<String, Object>> items) {
        return items.stream().map(item -> item.get("siret")).toList();
    }

    @Test
    void importsAreTheAdministratorsOnly() {
        as(valenceRomansOfficer()).multiPart("file", "x.csv", new byte[] {1}, "application/octet-stream").post("/v1/imports")
                .then().statusCode(403).body("status", equalTo(403));
        as(Tokens.client("cma-aura-crm")).get("/v1/imports/" + UUID.randomUUID()).then().statusCode(403)
                .contentType(containsString("problem+json")).body("detail", not(containsString("admin ")));
    }
}
