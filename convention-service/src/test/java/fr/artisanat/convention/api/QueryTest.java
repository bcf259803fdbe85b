package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Each filter, the sort and the cursor pagination of the conventions list, over conventions with a unique title word. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTest {

    final String word = "Requete" + Long.toString(System.nanoTime(), 36);
    String valence;
    String aubagneLike;
    String chamber;
    String otherChamber;
    String draft;
    String active;
    String expiringSoon;
    String past;

    @BeforeEach
    void conventions() {
        if (draft != null) {
            return;
        }
        valence = createAuthority("CA requêtes Valence", "26362");
        aubagneLike = createAuthority("CA requêtes Aubagne", "13005");
        chamber = createChamber("CMA requêtes");
        otherChamber = createChamber("CMA requêtes bis");
        draft = convention("A " + word + " brouillon", valence, chamber, today(), null, "MULTI_YEAR", false);
        active = convention("B " + word + " active", aubagneLike, chamber, today(), null, "FRAMEWORK", true);
        expiringSoon = convention("C " + word + " bientôt finie", valence, otherChamber, today(), today().plusDays(10), "FRAMEWORK", true);
        past = convention("D " + word + " passée", valence, chamber, LocalDate.of(2016, 1, 1), null, "ANNUAL_THEMATIC", true);
    }

    private String convention(String title, String authority, String chamber, LocalDate start, LocalDate end, String kind, boolean sign) {
        Map<String, Object> body = frameworkConvention(authority, chamber, start);
        body.put("title", title);
        body.put("kind", kind);
        body.put("fundingCommitments", java.util.List.of());
        if (end != null) {
            body.remove("durationYears");
            body.put("endDate", end.toString());
        }
        String id = create(body).then().statusCode(201).extract().path("id");
        if (sign) {
            signAll(id, start);
        }
        return id;
    }

    private io.restassured.response.ValidatableResponse list(String query) {
        String sort = query.contains("sort=") ? "" : "sort=title&";
        return given().get("/v1/conventions?q=" + word + "&" + sort + query).then().statusCode(200);
    }

    @Test
    void byText() {
        list("").body("items.id", contains(draft, active, expiringSoon, past));
        given().queryParam("q", word.toUpperCase() + " BROUILLON").get("/v1/conventions").then().body("items.id", contains(draft));
    }

    @Test
    void byAuthorityAndChamber() {
        list("authorityId=" + aubagneLike).body("items.id", contains(active));
        list("chamberId=" + otherChamber).body("items.id", contains(expiringSoon));
    }

    @Test
    void byKindAndStatus() {
        list("kind=ANNUAL_THEMATIC").body("items.id", contains(past));
        list("status=DRAFT").body("items.id", contains(draft));
        list("status=EXPIRED").body("items.id", contains(past));
    }

    @Test
    void activeOnADate() {
        list("activeOn=" + today()).body("items.id", containsInAnyOrder(active, expiringSoon));
        list("activeOn=2017-06-01").body("items.id", contains(past));
        list("activeOn=2010-01-01").body("items", empty());
    }

    @Test
    void byCommuneCovered() {
        list("commune=13005").body("items.id", contains(active));
    }

    @Test
    void expiringWithinDays() {
        list("expiringWithinDays=30").body("items.id", contains(expiringSoon));
        list("expiringWithinDays=5").body("items", empty());
    }

    @Test
    void sortDescending() {
        list("sort=-title").body("items.id", contains(past, expiringSoon, active, draft));
    }

    @Test
    void cursorPaginationWalksEveryItemOnceWithLinkHeaders() {
        Response first = given().get("/v1/conventions?q=" + word + "&sort=title&limit=3");
        first.then().statusCode(200).body("items.id", contains(draft, active, expiringSoon));
        String next = first.path("next");
        assertNotNull(next);
        String link = first.header("Link");
        assertTrue(link.contains("rel=\"next\"") && link.contains("cursor=" + next), link);

        Response second = given().get("/v1/conventions?q=" + word + "&sort=title&limit=3&cursor=" + next);
        second.then().statusCode(200).body("items.id", contains(past)).body("next", nullValue());
        assertTrue(second.header("Link") == null);
    }
}
