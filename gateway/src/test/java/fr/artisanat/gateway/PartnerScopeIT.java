package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.Pages;
import fr.artisanat.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 10, Done when 1 and 3, at the one public entry point: the demo partners, each with its real token from
 * Keycloak, call the packaged gateway in front of the packaged services holding the founding partnerships
 * ({@link FoundingPartnerships}). Each sees and changes only what is its own (ADR 0017; docs/registry.md, "Who sees
 * what"): what the admin reads is the reference, and a partner reads exactly the part of it that the rules below
 * select. The services' own tests (convention-service {@code AuthorizationTest}, the registry's
 * {@code PartnerScopeTest}) cover each rule in depth; this one shows the rules hold through the gateway.
 */
class PartnerScopeIT {

    private static final String VALENCE_ROMANS_SIREN = "200068781";
    private static final String METROPOLE_SIREN = "200054807";
    /** The demo chambers' fixed ids (docs/demo-data.md), which the realm names as their accounts' partner. */
    private static final String CMA_AURA = "c0000000-0000-4000-8000-000000000084";
    private static final String CMAR_PACA = "c0000000-0000-4000-8000-000000000093";
    /** A chamber covers the départements of its region (docs/registry.md; shared/data/departements-regions.csv). */
    private static final Map<String, Set<String>> DEPARTEMENTS_OF_CHAMBER = Map.of(
            CMA_AURA, Set.of("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"),
            CMAR_PACA, Set.of("04", "05", "06", "13", "83", "84"));

    private static final Account ADMIN = Account.user("admin");
    private static final Account VALENCE_ROMANS_OFFICER = Account.user("valence-romans-officer");
    private static final Account VALENCE_ROMANS_SYSTEM = Account.system("valence-romans-agglo-system");
    private static final Account METROPOLE_OFFICER = Account.user("metropole-officer");
    private static final Account CMA_AURA_ADVISER = Account.user("cma-aura-adviser");
    private static final Account CMA_AURA_CRM = Account.system("cma-aura-crm");
    private static final Account CMAR_PACA_ADVISER = Account.user("cmar-paca-adviser");
    /** The partners' staff: two authorities, two chambers (their systems sync in a test of their own). */
    private static final List<Account> STAFF = List.of(VALENCE_ROMANS_OFFICER, METROPOLE_OFFICER, CMA_AURA_ADVISER,
            CMAR_PACA_ADVISER);

    private static FoundingPartnerships suite;

    @BeforeAll
    static void startTheFoundingPartnerships() throws SQLException {
        suite = FoundingPartnerships.start();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /** A demo account of the realm (README, Identity): a person logging in by password, or a partner's system. */
    private record Account(String name, boolean system) {

        static Account user(String name) {
            return new Account(name, false);
        }

        static Account system(String clientId) {
            return new Account(clientId, true);
        }

        /** A token Keycloak issued to it: by password, or by client credentials. */
        String token() {
            return system ? Tokens.client(name) : Tokens.user(name);
        }

        /** The partner its token says it acts for ({@code partner_kind}, {@code partner_id}). */
        Partner partner() {
            JsonNode claims = Tokens.claims(token());
            return new Partner(claims.path("partner_kind").asText(), claims.path("partner_id").asText());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An authority by SIREN, or a chamber by id. */
    private record Partner(String kind, String id) {
        boolean isAuthority() {
            return "authority".equals(kind);
        }
    }

    /** A request to the gateway, and to nothing else, with the account's token. */
    private static RequestSpecification as(Account account) {
        return given().port(suite.port()).header(BearerTokens.as(account.token()));
    }

    // ---------------------------------------------------------------- Done when 1: another partner's ids are missing

    @Test
    void anotherPartnersConventionIsNotFoundAndNothingIsWritten() {
        String valenceRomans = conventionByReference("VRA-CMA-2025-2027");
        String valenceRomansDraft = draft(VALENCE_ROMANS_OFFICER, authorityId(VALENCE_ROMANS_SIREN), CMA_AURA, List.of());
        String aubagne = conventionByReference("AUBAGNE-CMAR-PACA-2015");
        Map<Account, List<String>> othersConventions = Map.of(
                METROPOLE_OFFICER, List.of(valenceRomans, valenceRomansDraft),
                CMAR_PACA_ADVISER, List.of(valenceRomans, valenceRomansDraft),
                VALENCE_ROMANS_SYSTEM, List.of(aubagne),
                CMA_AURA_CRM, List.of(aubagne));
        Map<String, String> before = conventionStates(List.of(valenceRomans, valenceRomansDraft, aubagne));
        String changesBefore = Pages.follow(() -> as(ADMIN), "/v1/convention-changes?limit=100", null).cursor();

        othersConventions.forEach((caller, conventions) -> conventions.forEach(id ->
                everyCallNamingAConvention(caller, id).forEach(PartnerScopeIT::assertNotFound)));

        assertEquals(before, conventionStates(List.of(valenceRomans, valenceRomansDraft, aubagne)),
                "as the admin reads them: same version, history and amendments");
        assertEquals(List.of(), Pages.follow(() -> as(ADMIN), "/v1/convention-changes?limit=100", changesBefore).items(),
                "no convention changed");
    }

    /** Each request that names the convention, as the caller would make it were the convention its own. */
    private static Map<String, Response> everyCallNamingAConvention(Account caller, String id) {
        String path = "/v1/conventions/" + id;
        Response current = as(ADMIN).get(path);
        String etag = current.header("ETag");
        String signatory = current.path("signatories[0].id");
        String today = today().toString();
        Map<String, Response> calls = new LinkedHashMap<>();
        calls.put(caller + " GET " + path, as(caller).get(path));
        calls.put(caller + " GET " + path + "/history", as(caller).get(path + "/history"));
        calls.put(caller + " GET " + path + "/amendments", as(caller).get(path + "/amendments"));
        calls.put(caller + " PUT " + path, write(caller, etag).body(Map.of("title", "Titre d'un autre partenaire")).put(path));
        calls.put(caller + " POST " + path + "/signatures", write(caller, etag)
                .body(Map.of("signatoryId", signatory, "signedOn", today)).post(path + "/signatures"));
        calls.put(caller + " POST " + path + "/amendments", write(caller, etag)
                .body(Map.of("effectiveDate", today, "summary", "Avenant d'un autre partenaire")).post(path + "/amendments"));
        calls.put(caller + " POST " + path + "/termination", write(caller, etag)
                .body(Map.of("reason", "Résiliation par un autre partenaire", "effectiveDate", today)).post(path + "/termination"));
        return calls;
    }

    /** Each convention as the admin reads it, with the length of its history: what any write would change. */
    private static Map<String, String> conventionStates(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> as(ADMIN).get("/v1/conventions/" + id).asString()
                + " history: " + as(ADMIN).get("/v1/conventions/" + id + "/history").jsonPath().getList("$").size()));
    }

    @Test
    void anotherPartnersEstablishmentOrTerritoryIsNotFoundAndNothingIsWritten() {
        String valenceRomansEpci = epci(VALENCE_ROMANS_SIREN);
        String metropoleEpci = epci(METROPOLE_SIREN);
        String aubagneTerritory = aubagneTerritory();
        String inValenceRomans = classifiedEstablishment(valenceRomansEpci);
        String inAubagne = classifiedEstablishment(aubagneTerritory);
        record Others(String establishment, List<String> territories) {
        }
        Map<Account, Others> others = Map.of(
                METROPOLE_OFFICER, new Others(inValenceRomans, List.of(valenceRomansEpci)),
                CMAR_PACA_ADVISER, new Others(inValenceRomans, List.of(valenceRomansEpci, aubagneTerritory)),
                VALENCE_ROMANS_OFFICER, new Others(inAubagne, List.of(metropoleEpci, aubagneTerritory)),
                CMA_AURA_CRM, new Others(inAubagne, List.of(metropoleEpci, aubagneTerritory)));
        Map<String, String> before = establishmentStates(List.of(inValenceRomans, inAubagne));
        String changesBefore = Pages.follow(() -> as(ADMIN), "/v1/establishment-changes?limit=1000", null).cursor();

        others.forEach((caller, theirs) -> {
            everyCallNamingAnEstablishment(caller, theirs.establishment()).forEach(PartnerScopeIT::assertNotFound);
            for (String territory : theirs.territories()) {
                for (String path : List.of("", "/statistics", "/exports/statistics.csv", "/exports/establishments.csv")) {
                    String call = "/v1/territories/" + territory + path;
                    assertNotFound(caller + " GET " + call, as(caller).get(call));
                }
            }
        });

        assertEquals(before, establishmentStates(List.of(inValenceRomans, inAubagne)),
                "as the admin reads them: same classification, same notes");
        assertEquals(List.of(), Pages.follow(() -> as(ADMIN), "/v1/establishment-changes?limit=1000", changesBefore).items(),
                "no establishment changed");
    }

    private static Map<String, Response> everyCallNamingAnEstablishment(Account caller, String siret) {
        String path = "/v1/establishments/" + siret;
        String etag = as(ADMIN).get(path).header("ETag");
        Map<String, Response> calls = new LinkedHashMap<>();
        calls.put(caller + " GET " + path, as(caller).get(path));
        calls.put(caller + " PUT " + path + "/classification", write(caller, etag)
                .body(Map.of("tags", List.of("reclasse-par-un-autre"))).put(path + "/classification"));
        calls.put(caller + " GET " + path + "/notes", as(caller).get(path + "/notes"));
        calls.put(caller + " POST " + path + "/notes", write(caller, null)
                .body(Map.of("text", "Note d'un autre partenaire")).post(path + "/notes"));
        return calls;
    }

    /** Each establishment as the admin reads it (its ETag is its classification's version), with every note. */
    private static Map<String, String> establishmentStates(List<String> sirets) {
        return sirets.stream().collect(Collectors.toMap(siret -> siret, siret -> {
            Response establishment = as(ADMIN).get("/v1/establishments/" + siret);
            return establishment.header("ETag") + " " + establishment.asString() + " notes: "
                    + as(ADMIN).get("/v1/establishments/" + siret + "/notes").asString();
        }));
    }

    private static void assertNotFound(String call, Response response) {
        assertEquals(404, response.statusCode(), call + ": " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), call + ": " + response.contentType());
        assertEquals(404, response.jsonPath().getInt("status"), call);
    }

    // ------------------------------------------------------ Done when 1: lists, searches, statistics, exports, feeds

    @Test
    void conventionListsSearchesAndTheChangesFeedHoldTheCallersConventionsOnly() {
        Map<String, List<Map<String, Object>>> adminReads = readAsAdmin("/v1/conventions?limit=100",
                "/v1/conventions?limit=100&q=convention", "/v1/convention-changes?limit=100");
        for (Account caller : STAFF) {
            Set<String> parties = ownParties(caller.partner());
            Predicate<Map<String, Object>> own = convention -> partyIds(convention).stream().anyMatch(parties::contains);
            adminReads.forEach((path, everything) -> assertReadsExactlyItsOwn(caller, path, "id", own, everything));
        }
    }

    @Test
    void registrySearchesAndTheChangesFeedHoldTheCallersPartOnly() {
        String feed = "/v1/establishment-changes?limit=1000";
        List<String> searches = List.of("/v1/establishments?limit=100&q=martin", "/v1/establishments?limit=100&naf=23.41Z");
        String byTag = "/v1/establishments?limit=100&tag=filiere-argile";
        Map<String, List<Map<String, Object>>> adminReads = readAsAdmin(feed, searches.get(0), searches.get(1), byTag);
        Map<String, Map<String, Object>> everything = byKey(adminReads.get(feed), "siret");
        for (Account caller : STAFF) {
            Partner partner = caller.partner();
            Predicate<Map<String, Object>> inPart = inPart(partner);
            Map<String, Map<String, Object>> fed = assertReadsExactlyItsOwn(caller, feed, "siret", inPart, adminReads.get(feed));
            fed.forEach((siret, establishment) -> assertEquals(partner.isAuthority() ? null
                    : everything.get(siret).get("classification"), establishment.get("classification"),
                    caller + " reads the chamber's classification of " + siret + " only as a chamber: no convention shares it"));
            for (String search : searches) {
                assertReadsExactlyItsOwn(caller, search, "siret", inPart, adminReads.get(search));
            }
            // nor does an authority find by the chamber's classification what it may not read of it
            assertReadsExactlyItsOwn(caller, byTag, "siret", partner.isAuthority() ? establishment -> false : inPart,
                    adminReads.get(byTag));
        }
    }

    @Test
    void territoriesTheirStatisticsAndExportsAreTheCallersOnly() {
        String valenceRomansEpci = epci(VALENCE_ROMANS_SIREN);
        String metropoleEpci = epci(METROPOLE_SIREN);
        String aubagneTerritory = aubagneTerritory();
        Map<Account, List<String>> ownTerritories = Map.of(
                VALENCE_ROMANS_OFFICER, List.of(valenceRomansEpci),
                METROPOLE_OFFICER, List.of(metropoleEpci, aubagneTerritory),
                CMA_AURA_ADVISER, List.of(valenceRomansEpci),
                CMAR_PACA_ADVISER, List.of(metropoleEpci));
        List<Map<String, Object>> everyTerritory = Pages.all(() -> as(ADMIN), "/v1/territories?limit=100");
        ownTerritories.forEach((caller, expected) -> {
            Predicate<String> inPart = communesOf(caller.partner());
            Set<String> listed = ids(Pages.all(() -> as(caller), "/v1/territories?limit=100"));
            assertTrue(listed.containsAll(expected), caller + " lists its territories: " + listed);
            assertTrue(listed.size() < everyTerritory.size(), caller + " lists fewer territories than the admin");
            for (String territory : listed) {
                assertTrue(territoryCommunes(territory).stream().allMatch(inPart), caller + " lists " + territory
                        + ", whose communes are not all in its part");
            }
            for (String territory : expected) {
                for (String path : List.of("/statistics", "/exports/statistics.csv", "/exports/establishments.csv")) {
                    String call = "/v1/territories/" + territory + path;
                    Response answer = as(caller).get(call);
                    assertEquals(200, answer.statusCode(), caller + " GET " + call);
                    assertTrue(as(ADMIN).get(call).asString().equals(answer.asString()),
                            caller + " GET " + call + ": the admin's answer, since the territory lies in its part");
                }
            }
        });
        assertFalse(ids(Pages.all(() -> as(CMAR_PACA_ADVISER), "/v1/territories?limit=100")).contains(aubagneTerritory),
                "a territory a partner defined is its own, even where its communes are another's part too");
    }

    // ------------------------------------------------------------ Done when 1: data sharing follows the convention

    @Test
    void anAuthorityReadsTheChambersClassificationOnlyWhileTheirConventionSharesIt() {
        String valenceRomansEpci = epci(VALENCE_ROMANS_SIREN);
        String classified = classifiedEstablishment(valenceRomansEpci);
        String classifiedInAubagne = classifiedEstablishment(aubagneTerritory());
        assertReadsClassification(false, VALENCE_ROMANS_OFFICER, classified, valenceRomansEpci);

        String valenceRomans = authorityId(VALENCE_ROMANS_SIREN);
        String sharing = draft(ADMIN, valenceRomans, CMA_AURA, List.of(Map.of("providerId", CMA_AURA,
                "category", "CRAFT_REGISTRY", "data", "Données du répertoire des métiers sur les entreprises artisanales du territoire")));
        sign(VALENCE_ROMANS_OFFICER, sharing, valenceRomans);
        assertEquals("ACTIVE", sign(CMA_AURA_ADVISER, sharing, CMA_AURA).path("status"));
        awaitClassificationRead(true, VALENCE_ROMANS_OFFICER, classified);
        assertReadsClassification(true, VALENCE_ROMANS_OFFICER, classified, valenceRomansEpci);
        assertReadsClassification(false, METROPOLE_OFFICER, classifiedInAubagne, aubagneTerritory());

        Response active = as(ADMIN).get("/v1/conventions/" + sharing);
        write(ADMIN, active.header("ETag")).body(Map.of("reason", "Fin du partage des données", "effectiveDate", today().toString()))
                .post("/v1/conventions/" + sharing + "/termination").then().statusCode(200);
        awaitClassificationRead(false, VALENCE_ROMANS_OFFICER, classified);
        assertReadsClassification(false, VALENCE_ROMANS_OFFICER, classified, valenceRomansEpci);
    }

    /** The registry follows the convention's events on the topic (ADR 0015): a moment after the change. */
    private static void awaitClassificationRead(boolean read, Account caller, String siret) {
        await(caller + (read ? " reads" : " no longer reads") + " the classification of " + siret)
                .atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> (as(caller).get("/v1/establishments/" + siret).path("classification") != null) == read);
    }

    /** In the lookup, a search by the classification's tag and the changes feed alike. */
    private static void assertReadsClassification(boolean read, Account caller, String siret, String territory) {
        Object looked = as(caller).get("/v1/establishments/" + siret).then().statusCode(200).extract().path("classification");
        assertEquals(read, looked != null, caller + " looks " + siret + " up");
        Set<String> tagged = keys(Pages.all(() -> as(caller), "/v1/establishments?limit=100&tag=filiere-argile&territoryId="
                + territory), "siret");
        assertEquals(read, tagged.contains(siret), caller + " searches by the chamber's tag");
        Map<String, Object> fed = byKey(Pages.all(() -> as(caller), "/v1/establishment-changes?limit=1000"), "siret").get(siret);
        assertEquals(read, fed.get("classification") != null, caller + " follows the changes feed");
    }

    // ----------------------------------------------------- Done when 3: a partner system syncs through the feeds

    @Test
    void partnerSystemsSyncTheirConventionsAndTheirPartOfTheRegistryThroughTheChangesFeeds() {
        Map<String, Map<String, Object>> everyEstablishment = byKey(Pages.all(() -> as(ADMIN),
                "/v1/establishment-changes?limit=1000"), "siret");
        List<Account> systems = List.of(VALENCE_ROMANS_SYSTEM, CMA_AURA_CRM);
        Map<Account, String> conventionCursors = new LinkedHashMap<>();
        Map<Account, String> establishmentCursors = new LinkedHashMap<>();
        for (Account system : systems) {
            Set<String> parties = ownParties(system.partner());
            Pages.Read conventions = Pages.follow(() -> as(system), "/v1/convention-changes?limit=100", null);
            assertSameKeys(keysOf(Pages.all(() -> as(ADMIN), "/v1/conventions?limit=100"),
                    convention -> partyIds(convention).stream().anyMatch(parties::contains), "id"),
                    keys(conventions.items(), "id"), system + "'s copy of the conventions");
            Pages.Read establishments = Pages.follow(() -> as(system), "/v1/establishment-changes?limit=1000", null);
            assertSameKeys(keysOf(everyEstablishment.values(), inPart(system.partner()), "siret"),
                    keys(establishments.items(), "siret"), system + "'s copy of the registry");
            conventionCursors.put(system, conventions.cursor());
            establishmentCursors.put(system, establishments.cursor());
        }

        // changes in both systems' scope, and changes in neither
        String drafted = draft(VALENCE_ROMANS_OFFICER, authorityId(VALENCE_ROMANS_SIREN), CMA_AURA, List.of());
        draft(ADMIN, authorityId(METROPOLE_SIREN), CMAR_PACA, List.of());
        String classifiedInValenceRomans = classifyAnUnclassified(CMA_AURA_ADVISER, everyEstablishment.values(),
                inPart(VALENCE_ROMANS_SYSTEM.partner()));
        classifyAnUnclassified(CMAR_PACA_ADVISER, everyEstablishment.values(), inPart(METROPOLE_OFFICER.partner()));

        for (Account system : systems) {
            assertEquals(Set.of(drafted), keys(Pages.follow(() -> as(system), "/v1/convention-changes?limit=100",
                    conventionCursors.get(system)).items(), "id"), system + " since its cursor: what changed in its scope only");
            assertEquals(Set.of(classifiedInValenceRomans), keys(Pages.follow(() -> as(system),
                    "/v1/establishment-changes?limit=1000", establishmentCursors.get(system)).items(), "siret"),
                    system + " since its cursor: what changed in its part only");
        }
    }

    /** The chamber's adviser classifies an establishment nobody classified yet, in the given part; its SIRET. */
    private static String classifyAnUnclassified(Account adviser, Collection<Map<String, Object>> establishments,
            Predicate<Map<String, Object>> inPart) {
        String siret = establishments.stream().filter(inPart).filter(e -> e.get("classification") == null)
                .map(e -> (String) e.get("siret")).findFirst().orElseThrow();
        as(adviser).contentType(ContentType.JSON).body(Map.of("tags", List.of("suivi-par-la-chambre")))
                .put("/v1/establishments/" + siret + "/classification").then().statusCode(200);
        return siret;
    }

    // ------------------------------------------------------------------------- the rules, as the documents state them

    /**
     * Convention-service's ids of the parties that make a convention the partner's (ADR 0017): the authority (by its
     * SIREN); the chamber, or its parent chamber.
     */
    private static Set<String> ownParties(Partner partner) {
        if (partner.isAuthority()) {
            return Set.of(authorityId(partner.id()));
        }
        String parent = as(ADMIN).get("/v1/chambers/" + partner.id()).then().statusCode(200).extract().path("parentId");
        return parent == null ? Set.of(partner.id()) : Set.of(partner.id(), parent);
    }

    private static List<String> partyIds(Map<String, Object> convention) {
        return ((List<Map<String, Object>>) convention.get("parties")).stream().map(party -> (String) party.get("partnerId")).toList();
    }

    /** The partner's part of the registry (docs/registry.md): an authority's EPCI's communes, a chamber's region's. */
    private static Predicate<String> communesOf(Partner partner) {
        if (partner.isAuthority()) {
            return Set.copyOf(territoryCommunes(epci(partner.id())))::contains;
        }
        Set<String> departements = DEPARTEMENTS_OF_CHAMBER.get(partner.id());
        return commune -> departements.contains(commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2));
    }

    private static Predicate<Map<String, Object>> inPart(Partner partner) {
        Predicate<String> communes = communesOf(partner);
        return establishment -> communes.test((String) establishment.get("commune"));
    }

    /**
     * The caller reads at {@code path} exactly the items the admin reads there ({@code everything}) that are its own by
     * the rule, and the admin reads others' there too; the caller's items, by key.
     */
    private static Map<String, Map<String, Object>> assertReadsExactlyItsOwn(Account caller, String path, String key,
            Predicate<Map<String, Object>> own, List<Map<String, Object>> everything) {
        assertTrue(everything.stream().anyMatch(own.negate()), "the admin reads others' items at " + path);
        Map<String, Map<String, Object>> read = byKey(Pages.all(() -> as(caller), path), key);
        assertSameKeys(keysOf(everything, own, key), read.keySet(), caller + " at " + path);
        return read;
    }

    /** Equal sets, or a message that says how many differ and names a few (a feed holds thousands). */
    private static void assertSameKeys(Set<String> own, Set<String> read, String where) {
        List<String> notOwn = read.stream().filter(key -> !own.contains(key)).sorted().toList();
        List<String> missing = own.stream().filter(key -> !read.contains(key)).sorted().toList();
        assertTrue(notOwn.isEmpty() && missing.isEmpty(), where + ": " + notOwn.size() + " read that are not its own "
                + notOwn.stream().limit(5).toList() + ", " + missing.size() + " of its own missing " + missing.stream().limit(5).toList());
    }

    /** What the admin reads at each path: the reference the partners' answers are compared with. */
    private static Map<String, List<Map<String, Object>>> readAsAdmin(String... paths) {
        Map<String, List<Map<String, Object>>> reads = new LinkedHashMap<>();
        for (String path : paths) {
            reads.put(path, Pages.all(() -> as(ADMIN), path));
        }
        return reads;
    }

    // ---------------------------------------------------------------------------------- the demo data, as the admin reads it

    private static String conventionByReference(String reference) {
        return Pages.all(() -> as(ADMIN), "/v1/conventions?limit=100").stream()
                .filter(convention -> reference.equals(convention.get("reference"))).map(convention -> (String) convention.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no demo convention " + reference));
    }

    private static String authorityId(String siren) {
        return as(ADMIN).get("/v1/authorities?q=" + siren).then().statusCode(200).extract().path("items[0].id");
    }

    private static String epci(String siren) {
        return as(ADMIN).get("/v1/territories?q=" + siren).then().statusCode(200).extract()
                .path("items.find { it.kind == 'EPCI' && it.siren == '" + siren + "' }.id");
    }

    /** The demo's territory of the former Pays d'Aubagne et de l'Etoile, the Métropole's. */
    private static String aubagneTerritory() {
        return as(ADMIN).get("/v1/territories?q=Aubagne").then().statusCode(200).extract()
                .path("items.find { it.code == 'pays-aubagne-etoile' }.id");
    }

    private static List<String> territoryCommunes(String territory) {
        return as(ADMIN).get("/v1/territories/" + territory).then().statusCode(200).extract().path("communes");
    }

    /** An establishment of the territory the demo's chamber classified in the clay sector. */
    private static String classifiedEstablishment(String territory) {
        return as(ADMIN).get("/v1/establishments?limit=1&tag=filiere-argile&territoryId=" + territory).then().statusCode(200)
                .extract().path("items[0].siret");
    }

    // ---------------------------------------------------------------------------------------------- requests

    /** A write with its preconditions: JSON, the version read ({@code If-Match}, when given), an idempotency key. */
    private static RequestSpecification write(Account caller, String etag) {
        RequestSpecification request = as(caller).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString());
        return etag == null ? request : request.header("If-Match", etag);
    }

    /** A framework convention drafted by {@code drafter} between the two, from today, with these data exchanges. */
    private static String draft(Account drafter, String authority, String chamber, List<Map<String, Object>> dataExchanges) {
        return write(drafter, null).body(Map.of("reference", "SCOPE-" + Long.toString(System.nanoTime(), 36).toUpperCase(),
                "kind", "FRAMEWORK", "title", "Convention cadre du test des périmètres",
                "parties", Map.of("authorityIds", List.of(authority), "chamberIds", List.of(chamber)),
                "signatories", List.of(Map.of("partnerId", authority, "fullName", "A. Dupont", "role", "Président"),
                        Map.of("partnerId", chamber, "fullName", "B. Martin", "role", "Présidente")),
                "startDate", today().toString(), "durationYears", 3, "dataExchanges", dataExchanges))
                .post("/v1/conventions").then().statusCode(201).extract().path("id");
    }

    /** The signer records the signature of its party's signatory; the convention as it is then. */
    private static Response sign(Account signer, String convention, String party) {
        String signatory = as(signer).get("/v1/conventions/" + convention).then().statusCode(200).extract()
                .path("signatories.find { it.partnerId == '" + party + "' }.id");
        Response signed = write(signer, null).body(Map.of("signatoryId", signatory, "signedOn", today().toString()))
                .post("/v1/conventions/" + convention + "/signatures");
        signed.then().statusCode(200);
        return signed;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items, String key) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.put((String) item.get(key), item));
        return byKey;
    }

    private static Set<String> keys(List<Map<String, Object>> items, String key) {
        return byKey(items, key).keySet();
    }

    private static Set<String> keysOf(Collection<Map<String, Object>> items, Predicate<Map<String, Object>> kept, String key) {
        return items.stream().filter(kept).map(item -> (String) item.get(key)).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<Map<String, Object>> items) {
        return keys(items, "id");
    }
}
