package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.siren;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import fr.artisanat.convention.TableCounts;
import fr.artisanat.convention.service.DemoData;
import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.Tokens;

/**
 * Authorization per partner (issue 10, docs/adr/0017), through HTTP with real tokens of the test realm: each partner
 * reads and changes only the conventions it or its parent chamber is a party to; another partner's conventions are
 * missing (404) and nothing is written; lists and the changes feed hold the caller's scope only; a partner drafts only
 * as a party and signs only for its own signatories; only an admin changes reference data. The demo partners are those
 * the realm's users and clients act for (README, Identity).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    private static final String VALENCE_ROMANS = "valence-romans-officer";
    private static final String METROPOLE = "metropole-officer";
    private static final String CMA_AURA = "cma-aura-adviser";
    private static final String CMAR_PACA = "cmar-paca-adviser";

    @Inject
    TableCounts tables;

    @Inject
    DemoData demoData;

    private Partners partners;

    /**
     * The demo partners' ids, and conventions: one the Métropole received from a predecessor (with the CMAR PACA),
     * Valence Romans' with the CMA AURA (a draft, an active one), others'.
     */
    private record Partners(String valenceRomans, String metropole, String cmaAura, String cmarPaca, String received,
            String draft, String active, String othersActive) {
    }

    private static RequestSpecification as(String token) {
        return given().header(BearerTokens.as(token));
    }

    private static String authority(String siren) {
        return given().get("/v1/authorities?q=" + siren).then().statusCode(200).extract().path("items[0].id");
    }

    /** Drafted by the Valence Romans officer, as a party, with the CMA Auvergne-Rhône-Alpes. */
    private static String valenceRomansDraft(String valenceRomans, String cmaAura) {
        return as(Tokens.user(VALENCE_ROMANS)).contentType(ContentType.JSON)
                .body(frameworkConvention(valenceRomans, cmaAura, today())).post("/v1/conventions")
                .then().statusCode(201).extract().path("id");
    }

    private Partners partners() {
        if (partners == null) {
            QuarkusTransaction.requiringNew().run(demoData::registerChambers); // with the ids the realm names
            String valenceRomans = authority(DemoData.VALENCE_ROMANS_SIREN);
            String cmaAura = DemoData.CMA_AURA_ID.toString();
            String active = valenceRomansDraft(valenceRomans, cmaAura);
            signAll(active, today());
            String othersActive = create(frameworkConvention(createAuthority("CA d'autrui", "26362"),
                    createChamber("CMA d'autrui"), today())).then().statusCode(201).extract().path("id");
            signAll(othersActive, today());
            String metropole = authority(DemoData.METROPOLE_AMP_SIREN);
            String predecessor = createAuthority("CA fusionnée dans la Métropole", "26362");
            String received = create(frameworkConvention(predecessor, DemoData.CMAR_PACA_ID.toString(), LocalDate.of(2024, 1, 1)))
                    .then().statusCode(201).extract().path("id");
            signAll(received, LocalDate.of(2024, 1, 1));
            given().contentType(ContentType.JSON).body(Map.of("successorId", metropole, "effectiveDate", "2025-01-01"))
                    .post("/v1/authorities/" + predecessor + "/succession").then().statusCode(200);
            partners = new Partners(valenceRomans, metropole, cmaAura, DemoData.CMAR_PACA_ID.toString(), received,
                    valenceRomansDraft(valenceRomans, cmaAura), active, othersActive);
        }
        return partners;
    }

    private static String etag(String id) {
        return given().get("/v1/conventions/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** Every request that names a convention, made by {@code token} for the convention {@code id}. */
    private static List<Response> everyCallNaming(String token, String id) {
        String etag = etag(id);
        String signatory = given().get("/v1/conventions/" + id).then().extract().path("signatories[0].id");
        return List.of(
                as(token).get("/v1/conventions/" + id),
                as(token).get("/v1/conventions/" + id + "/history"),
                as(token).get("/v1/conventions/" + id + "/amendments"),
                as(token).contentType(ContentType.JSON).header("If-Match", etag)
                        .body(Map.of("title", "Titre d'un autre partenaire")).put("/v1/conventions/" + id),
                as(token).contentType(ContentType.JSON).header("If-Match", etag)
                        .body(Map.of("signatoryId", signatory, "signedOn", today().toString()))
                        .post("/v1/conventions/" + id + "/signatures"),
                as(token).contentType(ContentType.JSON).header("If-Match", etag).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("effectiveDate", today().toString(), "summary", "Avenant d'un autre partenaire"))
                        .post("/v1/conventions/" + id + "/amendments"),
                as(token).contentType(ContentType.JSON).header("If-Match", etag).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("reason", "Résiliation par un autre partenaire", "effectiveDate", today().toString()))
                        .post("/v1/conventions/" + id + "/termination"));
    }

    @Test
    void anotherPartnerFindsNoConventionOfOthersAndWritesNothing() {
        Partners p = partners();
        Map<String, Long> before = tables.snapshot();
        Map<String, List<String>> othersConventions = Map.of(
                Tokens.user(METROPOLE), List.of(p.draft(), p.active(), p.othersActive()),
                Tokens.user(CMAR_PACA), List.of(p.draft(), p.active(), p.othersActive()),
                Tokens.client("cma-aura-crm"), List.of(p.othersActive()));
        othersConventions.forEach((token, ids) -> ids.forEach(id -> {
            for (Response response : everyCallNaming(token, id)) {
                response.then().statusCode(404).contentType("application/problem+json")
                        .body("title", equalTo("Convention not found"));
            }
        }));
        assertEquals(before, tables.snapshot(), "nothing written: no history, no outbox event, no idempotency record");
        given().get("/v1/conventions/" + p.active()).then().body("status", equalTo("ACTIVE")).body("amendmentCount", equalTo(0));
    }

    /** Each page of a list or feed, followed through {@code next} until it has no more items. */
    private static List<JsonPath> pages(String token, String firstPage, Function<String, String> nextPage) {
        List<JsonPath> pages = new ArrayList<>();
        JsonPath page = as(token).get(firstPage).then().statusCode(200).extract().jsonPath();
        while (!page.getList("items").isEmpty()) {
            pages.add(page);
            String next = page.getString("next");
            if (next == null) {
                break;
            }
            page = as(token).get(nextPage.apply(next)).then().statusCode(200).extract().jsonPath();
        }
        return pages;
    }

    /** The ids of the conventions {@code token} finds by listing them, each checked to have a party among {@code scope}. */
    private static Set<String> listed(String token, Set<String> scope) {
        Set<String> ids = new HashSet<>();
        for (String path : List.of("/v1/conventions?limit=100", "/v1/convention-changes?limit=100")) {
            String base = path.substring(0, path.indexOf('?'));
            for (JsonPath page : pages(token, path, next -> base + "?limit=100&cursor=" + next)) {
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    List<Map<String, Object>> parties = (List<Map<String, Object>>) item.get("parties");
                    assertTrue(parties.stream().anyMatch(party -> scope.contains(party.get("partnerId"))),
                            path + " as " + Tokens.claims(token).path("azp").asText() + ": " + item.get("reference"));
                    ids.add((String) item.get("id"));
                }
            }
        }
        return ids;
    }

    @Test
    void listsAndTheChangesFeedHoldTheCallersScopeOnly() {
        Partners p = partners();
        Set<String> valenceRomans = listed(Tokens.user(VALENCE_ROMANS), Set.of(p.valenceRomans()));
        assertTrue(valenceRomans.containsAll(List.of(p.draft(), p.active())));
        assertFalse(valenceRomans.contains(p.othersActive()));
        assertFalse(valenceRomans.contains(p.received()));

        Set<String> metropole = listed(Tokens.user(METROPOLE), Set.of(p.metropole()));
        assertTrue(metropole.contains(p.received()), "the successor sees the convention it received");
        assertFalse(metropole.contains(p.draft()));

        Set<String> cmaAura = listed(Tokens.user(CMA_AURA), Set.of(p.cmaAura()));
        assertTrue(cmaAura.containsAll(List.of(p.draft(), p.active())));
        assertFalse(cmaAura.contains(p.received()));
        assertEquals(cmaAura, listed(Tokens.client("cma-aura-crm"), Set.of(p.cmaAura())),
                "a partner's staff and its system have the same scope");

        Set<String> cmarPaca = listed(Tokens.user(CMAR_PACA), Set.of(p.cmarPaca()));
        assertTrue(cmarPaca.contains(p.received()));
        assertFalse(cmarPaca.contains(p.active()));

        given().get("/v1/conventions/" + p.othersActive()).then().statusCode(200); // the admin sees everything
    }

    /** Issue 10, Done when 3 (conventions): a partner system follows the changes feed and gets its conventions only. */
    @Test
    void aPartnerSystemSyncsItsConventionsThroughTheChangesFeed() {
        Partners p = partners();
        String system = Tokens.client("valence-romans-agglo-system");
        Map<String, Integer> copy = new HashMap<>();
        String cursor = follow(system, null, copy);

        Set<String> expected = new HashSet<>();
        pages(Tokens.admin(), "/v1/conventions?limit=100&authorityId=" + p.valenceRomans(),
                next -> "/v1/conventions?limit=100&authorityId=" + p.valenceRomans() + "&cursor=" + next)
                .forEach(page -> expected.addAll(page.getList("items.id")));
        assertEquals(expected, copy.keySet(), "the system's copy: every convention of Valence Romans Agglo, no other");

        String drafted = valenceRomansDraft(p.valenceRomans(), p.cmaAura());
        create(frameworkConvention(createAuthority("CA d'autrui", "26362"), createChamber("CMA d'autrui"), today()))
                .then().statusCode(201);
        Map<String, Integer> since = new HashMap<>();
        follow(system, cursor, since);
        assertEquals(Set.of(drafted), since.keySet(), "since its cursor, only what changed in its scope");
    }

    /** Follows the feed from {@code cursor} to its end into {@code copy} (id to version); the cursor to go on from. */
    private static String follow(String token, String cursor, Map<String, Integer> copy) {
        while (true) {
            JsonPath page = as(token).get("/v1/convention-changes?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> copy.put((String) item.get("id"), (Integer) item.get("version")));
            cursor = page.getString("next");
            if (items.isEmpty()) {
                return cursor;
            }
        }
    }

    @Test
    void theSuccessorReadsTheConventionItReceivedWithItsHistory() {
        Partners p = partners();
        as(Tokens.user(METROPOLE)).get("/v1/conventions/" + p.received()).then().statusCode(200)
                .body("parties[0].partnerId", equalTo(p.metropole())).body("parties[0].transferredOn", equalTo("2025-01-01"));
        assertTrue(as(Tokens.user(METROPOLE)).get("/v1/conventions/" + p.received() + "/history").then()
                .statusCode(200).extract().<List<String>>path("type").contains("TRANSFERRED"));
        as(Tokens.user(VALENCE_ROMANS)).get("/v1/conventions/" + p.received()).then().statusCode(404);
    }

    @Test
    void aPartnerDraftsOnlyConventionsItIsAPartyTo() {
        Partners p = partners();
        Map<String, Long> before = tables.snapshot();
        as(Tokens.user(VALENCE_ROMANS)).contentType(ContentType.JSON)
                .body(frameworkConvention(p.metropole(), p.cmarPaca(), today())).post("/v1/conventions")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, tables.snapshot());

        String drafted = as(Tokens.user(CMA_AURA)).contentType(ContentType.JSON)
                .body(frameworkConvention(p.valenceRomans(), p.cmaAura(), today())).post("/v1/conventions")
                .then().statusCode(201).extract().path("id");
        as(Tokens.user(VALENCE_ROMANS)).contentType(ContentType.JSON).header("If-Match", etag(drafted))
                .body(Map.of("title", "Convention cadre revue par l'agglomération")).put("/v1/conventions/" + drafted)
                .then().statusCode(200);
        List<Map<String, Object>> history = as(Tokens.user(CMA_AURA)).get("/v1/conventions/" + drafted + "/history")
                .then().statusCode(200).extract().path("");
        assertEquals(List.of(sub(Tokens.user(CMA_AURA)), sub(Tokens.user(VALENCE_ROMANS))),
                history.stream().map(entry -> entry.get("actorId")).toList(), "who drafted, who edited: their ids");
    }

    @Test
    void aPartnerSignsForItsOwnSignatoriesOnly() {
        Partners p = partners();
        String id = valenceRomansDraft(p.valenceRomans(), p.cmaAura());
        List<Map<String, Object>> signatories = given().get("/v1/conventions/" + id).then().extract().path("signatories");
        String chamberSignatory = signatories.stream().filter(s -> p.cmaAura().equals(s.get("partnerId")))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        String authoritySignatory = signatories.stream().filter(s -> p.valenceRomans().equals(s.get("partnerId")))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();

        Map<String, Long> before = tables.snapshot();
        sign(Tokens.client("valence-romans-agglo-system"), id, chamberSignatory).then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, tables.snapshot());

        sign(Tokens.client("valence-romans-agglo-system"), id, authoritySignatory).then().statusCode(200);
        sign(Tokens.user(CMA_AURA), id, chamberSignatory).then().statusCode(200).body("status", equalTo("ACTIVE"));
        List<Map<String, Object>> history = given().get("/v1/conventions/" + id + "/history").then().extract().path("");
        assertEquals(sub(Tokens.client("valence-romans-agglo-system")), actorOf(history, "SIGNATURE_RECORDED", 0));
        assertEquals(sub(Tokens.user(CMA_AURA)), actorOf(history, "SIGNATURE_RECORDED", 1));
        assertEquals(sub(Tokens.user(CMA_AURA)), actorOf(history, "SIGNED", 0));
        assertEquals(null, actorOf(history, "ACTIVATED", 0), "the suite activates it by date");

        as(Tokens.user(CMA_AURA)).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("effectiveDate", today().toString(), "summary", "Avenant de la chambre"))
                .post("/v1/conventions/" + id + "/amendments").then().statusCode(201);
        as(Tokens.user(VALENCE_ROMANS)).contentType(ContentType.JSON).header("If-Match", etag(id))
                .body(Map.of("reason", "Fin d'un commun accord", "effectiveDate", today().toString()))
                .post("/v1/conventions/" + id + "/termination").then().statusCode(200);
        history = given().get("/v1/conventions/" + id + "/history").then().extract().path("");
        assertEquals(sub(Tokens.user(CMA_AURA)), actorOf(history, "AMENDED", 0));
        assertEquals(sub(Tokens.user(VALENCE_ROMANS)), actorOf(history, "TERMINATED", 0));
    }

    private static Response sign(String token, String id, String signatory) {
        return as(token).contentType(ContentType.JSON).body(Map.of("signatoryId", signatory, "signedOn", today().toString()))
                .post("/v1/conventions/" + id + "/signatures");
    }

    private static Object actorOf(List<Map<String, Object>> history, String type, int index) {
        return history.stream().filter(entry -> type.equals(entry.get("type"))).toList().get(index).get("actorId");
    }

    private static String sub(String token) {
        return Tokens.claims(token).path("sub").asText();
    }

    @Test
    void onlyAnAdminChangesReferenceDataWhichEveryCallerReads() {
        Partners p = partners();
        String officer = Tokens.user(VALENCE_ROMANS);
        Map<String, Long> before = tables.snapshot();
        as(officer).contentType(ContentType.JSON)
                .body(Map.of("siren", siren(), "name", "CA nouvelle", "nature", "CA",
                        "communes", List.of("26362")))
                .post("/v1/authorities").then().statusCode(403).contentType("application/problem+json");
        as(officer).contentType(ContentType.JSON).body(Map.of("name", "CMA nouvelle", "level", "REGIONAL", "region", "Test"))
                .post("/v1/chambers").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.client("cma-aura-crm")).contentType(ContentType.JSON)
                .body(Map.of("successorId", p.metropole(), "effectiveDate", today().toString()))
                .post("/v1/authorities/" + p.valenceRomans() + "/succession").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, tables.snapshot());

        as(officer).get("/v1/authorities/" + p.metropole()).then().statusCode(200);
        as(officer).get("/v1/chambers/" + p.cmarPaca()).then().statusCode(200);
        as(Tokens.user(CMAR_PACA)).get("/v1/authorities?q=" + DemoData.VALENCE_ROMANS_SIREN).then().statusCode(200)
                .body("items[0].id", equalTo(p.valenceRomans()));
    }
}
