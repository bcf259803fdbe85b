package fr.artisanat.registry.api;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The changes feed while an import batch is open: a classification committed meanwhile must not move a poller past
 * the batch. Communes of Guadeloupe, which no other test uses.
 */
@QuarkusTest
class EstablishmentChangesTest {

    @Inject
    DataSource dataSource;

    /** Follows {@code next} from the end of the feed, as a partner system does, keeping what it saw of {@code ours}. */
    static final class Poller {
        final List<String> seen = new ArrayList<>();
        final TreeSet<String> ours;
        String cursor;

        Poller(TreeSet<String> ours) {
            this.ours = ours;
            drain();
            seen.clear();
        }

        List<String> drain() {
            List<String> sirets;
            do {
                Response page = given().queryParam("limit", 7).queryParam("cursor", cursor)
                        .get("/v1/establishment-changes").then().statusCode(200).extract().response();
                sirets = page.path("items.siret");
                sirets.stream().filter(ours::contains).forEach(seen::add);
                cursor = page.path("next");
            } while (!sirets.isEmpty());
            return seen;
        }
    }

    private static byte[] file(TreeSet<String> sirets, String name) {
        SireneFile file = SireneFile.layout48();
        sirets.forEach(siret -> file.row(craft(siret, "97101", "43.32A", name, Map.of())));
        return file.bytes();
    }

    @Test
    void theRowsOfABatchCommittedAfterALaterClassificationStillReachThePoller() throws SQLException {
        Registry.territory("Les Abymes (test)", "97101");
        TreeSet<String> batch = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            batch.add(newSiret());
        }
        String classified = newSiret();
        TreeSet<String> first = new TreeSet<>(batch);
        first.add(classified);
        assertEquals("SUCCEEDED", Registry.importFile(file(first, "Menuiserie des Abymes"), "abymes.csv").getString("status"));

        TreeSet<String> ours = new TreeSet<>(first);
        Poller poller = new Poller(ours);
        String held = batch.last(); // merged last: the batch has taken a change number for every other row by then
        String job;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            int lockPid = lockRow(lock, held);
            job = given().multiPart("file", "abymes-2.csv", file(batch, "Menuiserie des Abymes renommée"), "text/csv")
                    .post("/v1/imports").then().statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> blockedBy(lockPid));

            given().contentType(ContentType.JSON).body(Map.of("tags", List.of("bois")))
                    .put("/v1/establishments/" + classified + "/classification").then().statusCode(200);
            assertEquals(List.of(), poller.drain(), "the batch, still open, may commit changes before the classification");
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SUCCEEDED".equals(given().get("/v1/imports/" + job).then().extract().path("status")));
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.drain().containsAll(ours));
        assertEquals(ours.stream().collect(Collectors.toMap(Function.identity(), siret -> 1L)),
                poller.seen.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())),
                "every row of the batch and the classified one, each once");
        assertEquals(classified, poller.seen.get(poller.seen.size() - 1), "the classification, committed last, comes last");
    }

    /** Locks the row until the connection's transaction ends; returns that connection's backend pid. */
    private static int lockRow(Connection lock, String siret) throws SQLException {
        try (PreparedStatement select = lock.prepareStatement(
                "select pg_backend_pid() from establishment where siret = ? for update")) {
            select.setString(1, siret);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean blockedBy(int pid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            waiting.setInt(1, pid);
            try (ResultSet rs = waiting.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    @Test
    void aCursorOfTheSequenceOrderedFeedStillWorks() {
        String legacyStart = Base64.getUrlEncoder().withoutPadding().encodeToString("0".getBytes(StandardCharsets.UTF_8));
        List<String> fromLegacy = given().get("/v1/establishment-changes?limit=5&cursor=" + legacyStart)
                .then().statusCode(200).extract().path("items.siret");
        List<String> fromStart = given().get("/v1/establishment-changes?limit=5").then().extract().path("items.siret");
        assertEquals(fromStart, fromLegacy);
    }

    @Test
    void evenAnEmptyPageSaysWhereToGoOnInItsBodyAndItsLinkHeader() {
        String cursor = null;
        Response page;
        do {
            page = given().queryParam("limit", 1000).queryParam("cursor", cursor).get("/v1/establishment-changes");
            cursor = page.path("next");
            assertTrue(page.header("Link").contains("cursor=" + cursor + ">; rel=\"next\""), page.header("Link"));
        } while (!page.path("items").equals(List.of()));
    }
}
