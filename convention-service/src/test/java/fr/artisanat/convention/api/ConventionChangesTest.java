package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.signAll;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The changes feed a partner system follows to keep a copy of the conventions without Kafka. */
@QuarkusTest
class ConventionChangesTest {

    /** Follows {@code next} from the end of the feed, keeping the changes of the conventions it watches, in order. */
    static final class Poller {
        final Set<String> watched = new HashSet<>();
        final List<JsonPath> seen = new ArrayList<>();
        String cursor;

        Poller() {
            drain();
        }

        void drain() {
            int items;
            do {
                Response page = given().queryParam("limit", 3).queryParam("cursor", cursor).get("/v1/convention-changes");
                page.then().statusCode(200);
                cursor = page.path("next");
                assertTrue(page.header("Link").contains("cursor=" + cursor), "the Link header says where to go on");
                items = page.path("items.size()");
                for (int i = 0; i < items; i++) {
                    if (watched.contains(page.path("items[" + i + "].id"))) {
                        seen.add(new JsonPath(page.asString()).setRootPath("items[" + i + "]"));
                    }
                }
            } while (items > 0);
        }

        /** The one change the poller sees next (once the transactions older than it have ended). */
        JsonPath next() {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                drain();
                return !seen.isEmpty();
            });
            assertEquals(1, seen.size(), "one change, one item");
            return seen.remove(0);
        }
    }

    private static void post(String path, Map<String, ?> body) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(lessThan(300));
    }

    @Test
    void everyChangeOfAConventionMovesItToTheEndOfTheFeed() {
        String authority = createAuthority("CA du flux", "26362");
        String successor = createAuthority("Métropole du flux", "26362");
        String chamber = createChamber("CMA du flux");
        Poller poller = new Poller();

        String id = create(frameworkConvention(authority, chamber, today())).then().statusCode(201).extract().path("id");
        poller.watched.add(id);
        JsonPath drafted = poller.next();
        assertEquals("DRAFT", drafted.getString("status"));
        List<String> signatories = drafted.getList("signatories.id");
        long version = drafted.getLong("version");

        post("/v1/conventions/" + id + "/signatures", Map.of("signatoryId", signatories.get(0), "signedOn", today().toString()));
        JsonPath firstSignature = poller.next();
        assertEquals(today().toString(), firstSignature.getString("signatories[0].signedOn"));
        version = newer(version, firstSignature);

        post("/v1/conventions/" + id + "/signatures", Map.of("signatoryId", signatories.get(1), "signedOn", today().toString()));
        JsonPath signedAndActive = poller.next();
        assertEquals("ACTIVE", signedAndActive.getString("status"), "signed by all and in force from today: one change");
        version = newer(version, signedAndActive);

        post("/v1/conventions/" + id + "/amendments", Map.of("effectiveDate", today().toString(), "summary", "Avenant du flux"));
        JsonPath amended = poller.next();
        assertEquals(1, amended.getInt("amendmentCount"));
        version = newer(version, amended);

        post("/v1/authorities/" + authority + "/succession", Map.of("successorId", successor, "effectiveDate", today().toString()));
        JsonPath transferred = poller.next();
        assertEquals(successor, transferred.getString("parties[0].partnerId"));
        version = newer(version, transferred);

        post("/v1/conventions/" + id + "/termination", Map.of("reason", "Fin du flux", "effectiveDate", today().toString()));
        JsonPath terminated = poller.next();
        assertEquals("TERMINATED", terminated.getString("status"));
        newer(version, terminated);

        Map<String, Object> past = frameworkConvention(createAuthority("CA passée", "26362"), chamber, LocalDate.of(2015, 1, 1));
        past.put("fundingCommitments", List.of());
        String over = create(past).then().statusCode(201).extract().path("id");
        poller.watched.add(over);
        assertEquals("DRAFT", poller.next().getString("status"));
        signAll(over, LocalDate.of(2015, 1, 1));
        assertEquals("EXPIRED", poller.next().getString("status"),
                "signed in 2015 for five years: signed, active and expired by its last signature, one change");
    }

    /** The version of a convention's next change is higher: each change is a new state, and a new ETag. */
    private static long newer(long previous, JsonPath change) {
        assertTrue(change.getLong("version") > previous, "version after " + previous + ": " + change.getLong("version"));
        return change.getLong("version");
    }
}
