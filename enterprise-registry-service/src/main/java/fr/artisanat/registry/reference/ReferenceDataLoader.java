package fr.artisanat.registry.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fr.artisanat.platform.csv.Csv;
import fr.artisanat.registry.config.RegistryConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the reference files copied from shared/data (NAF rév. 2, craft activities of décret 98-247, employee bands,
 * métiers d'art domains) and one territory per EPCI of 1 January 2020, when the database has none.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    @Inject
    DataSource dataSource;

    @Inject
    RegistryConfig config;

    void onStart(@Observes @Priority(20) StartupEvent startup) throws SQLException {
        if (!config.referenceData()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var check = connection.createStatement(); var rs = check.executeQuery("select exists (select 1 from naf_code)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            loadNaf(connection);
            loadBands(connection);
            loadDomains(connection);
            int territories = loadEpcis(connection, Set.copyOf(config.trackedEpcis()));
            connection.commit();
            LOG.infof("Reference data loaded: NAF codes, employee bands, métiers d'art domains, %d EPCI territories", territories);
        }
    }

    private static void loadNaf(Connection connection) throws SQLException {
        Map<String, String[]> craft = new LinkedHashMap<>();
        Csv.readResource("reference/craft-activities-naf.csv",
                row -> craft.put(row.get("naf_code"), new String[] { row.get("craft_family"), row.get("scope") }));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into naf_code (code, label, craft_family, craft_scope) values (?, ?, ?, ?)")) {
            Csv.readResource("reference/naf-rev2.csv", row -> batch(insert, row.get("code"), row.get("label"),
                    craft.containsKey(row.get("code")) ? craft.get(row.get("code"))[0] : null,
                    craft.containsKey(row.get("code")) ? craft.get(row.get("code"))[1] : null));
            insert.executeBatch();
        }
    }

    private static void loadBands(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into employee_band (code, min_employees, max_employees, label) values (?, ?::integer, ?::integer, ?)")) {
            Csv.readResource("reference/effectifs-tranches.csv", row -> batch(insert, row.get("code"),
                    blankToNull(row.get("min_employees")), blankToNull(row.get("max_employees")), row.get("label")));
            insert.executeBatch();
        }
    }

    private static void loadDomains(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into metier_art_domain (rank, name) values (?::integer, ?)")) {
            Csv.readResource("reference/metiers-art-domains.csv", row -> batch(insert, row.get("rank"), row.get("domain")));
            insert.executeBatch();
        }
    }

    private static int loadEpcis(Connection connection, Set<String> tracked) throws SQLException {
        Map<String, UUID> ids = new LinkedHashMap<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement territory = connection.prepareStatement("""
                insert into territory (id, code, name, kind, siren, tracked, created_at) values (?::uuid, ?, ?, 'EPCI', ?, ?::boolean, ?)""");
                PreparedStatement commune = connection.prepareStatement(
                        "insert into territory_commune (territory_id, insee_code, commune_name) values (?::uuid, ?, ?)")) {
            Csv.readResource("reference/epcicom2020.csv", row -> {
                String siren = row.get("siren");
                UUID id = ids.computeIfAbsent(siren, s -> {
                    UUID created = UUID.randomUUID();
                    batch(territory, created.toString(), "epci-" + s, row.get("raison_sociale"), s,
                            String.valueOf(tracked.contains(s)), now);
                    return created;
                });
                batch(commune, id.toString(), row.get("insee"), row.get("nom_membre"));
            });
            territory.executeBatch();
            commune.executeBatch();
        }
        return ids.size();
    }

    private static void batch(PreparedStatement statement, Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
