package fr.artisanat.registry.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.platform.testing.AdminTokenByDefault;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import io.restassured.path.json.JsonPath;

/**
 * End to end, packaged services as in production: convention-service enters its demo data (docs/demo-data.md) through
 * its use cases, its outbox relay publishes the events, and a registry with an empty projection and a consumer group
 * of its own, so reading the conventions topic from its beginning, projects them. Both get a database of their own.
 */
@ExtendWith(AdminTokenByDefault.class)
class ConventionProjectionIT {

    private static final String DATABASE = "registry_projection_it";

    @Test
    void conventionServicesOwnEventsReachTheRegistrysProjection() throws SQLException {
        createEmptyDatabase();
        try (ServiceProcess conventions = ServiceProcess.start(Path.of("..", "convention-service"),
                "projection-it-convention-service", 0, List.of(), Map.of("DB_NAME", DATABASE, "convention.demo-data", "true"));
                ServiceProcess registry = ServiceProcess.start("projection-it-registry", Map.of("DB_NAME", DATABASE,
                        "mp.messaging.incoming.conventions.group.id", "projection-it-" + UUID.randomUUID()))) {
            JsonPath aubagne = convention(conventions, "Aubagne", "AUBAGNE-CMAR-PACA-2015");
            JsonPath valenceRomans = convention(conventions, "trisannuelle", "VRA-CMA-2025-2027");

            try (Connection projection = SuiteDatabase.connect(DATABASE, "registry")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                        rows(projection, "select version from known_convention where id = ?::uuid", aubagne.getString("id"))
                                .equals(List.of(aubagne.getString("version")))
                        && rows(projection, "select version from known_convention where id = ?::uuid", valenceRomans.getString("id"))
                                .equals(List.of(valenceRomans.getString("version"))));

                String aubagneId = aubagne.getString("id");
                String cmar = aubagne.getString("parties.find { it.partnerType == 'CHAMBER' }.partnerId");
                assertEquals(List.of("EXPIRED|2015-10-20|2020-10-19"), rows(projection,
                        "select status || '|' || start_date || '|' || end_date from known_convention where id = ?::uuid", aubagneId));
                assertEquals(List.of("AUTHORITY|200054807|" + authorityId(conventions, "241300268")), rows(projection, """
                        select partner_type || '|' || siren || '|' || transferred_from_id from known_convention_party
                         where convention_id = ?::uuid and partner_type = 'AUTHORITY'""", aubagneId),
                        "the Métropole, which took over from the CA du Pays d'Aubagne et de l'Etoile");
                assertEquals(List.of(cmar), rows(projection,
                        "select provider_id::text from registry_data_clause where convention_id = ?::uuid", aubagneId),
                        "the CMAR PACA provides its craft-registry data");
                assertEquals(List.of("REGIONAL|Provence-Alpes-Côte d'Azur"), rows(projection,
                        "select level || '|' || region from known_chamber where id = ?::uuid", cmar));

                assertEquals(List.of("ACTIVE"), rows(projection, "select status from known_convention where id = ?::uuid",
                        valenceRomans.getString("id")));
                assertEquals(List.of(), rows(projection, "select provider_id::text from registry_data_clause where convention_id = ?::uuid",
                        valenceRomans.getString("id")), "the CMA AURA shares statistics, no registry data");
            }
        }
    }

    /** The demo convention of this reference, found by a word of its title, as convention-service serves it. */
    private static JsonPath convention(ServiceProcess conventions, String titleWord, String reference) {
        String id = given().port(conventions.port()).get("/v1/conventions?limit=100&q=" + titleWord).then().statusCode(200)
                .extract().path("items.find { it.reference == '" + reference + "' }.id");
        return given().port(conventions.port()).get("/v1/conventions/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String authorityId(ServiceProcess conventions, String siren) {
        return given().port(conventions.port()).get("/v1/authorities?q=" + siren).then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static List<String> rows(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
                return found;
            }
        }
    }

    /** Dropped first, so that a run on a kept instance (SUITE_INSTANCE=test ./suite infra-start) starts afresh. */
    private static void createEmptyDatabase() throws SQLException {
        try (Connection connection = SuiteDatabase.connect("public"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }
}
