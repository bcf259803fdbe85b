package fr.artisanat.registry.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * métiers d'art domains) and one territory per EPCI of 1 January 2020, when the database has none; then, at every
 * start-up, tracks the EPCIs that {@code registry.tracked-epcis} lists, and only those.
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
            boolean loaded;
            try (var check = connection.createStatement(); var rs = check.executeQuery("select exists (select 1 from naf_code)")) {
                rs.next();
                loaded = rs.getBoolean(1);
            }
            if (!loaded) {
                loadNaf(connection);
                loadBands(connection);
                loadDomains(connection);
                int territories = loadEpcis(connection);
                LOG.infof("Reference data loaded: NAF codes, employee bands, métiers d'art domains, %d EPCI territories", territories);
            }
            trackConfiguredEpcis(connection, config.trackedEpcis());
            connection.commit();
        }
    }

    /** The configuration decides which EPCIs are tracked, also when it changed since the territories were loaded. */
    private static void trackConfiguredEpcis(Connection connection, List<String> sirens) throws SQLException {
        String[] tracked = sirens.toArray(String[]::new);
        try (PreparedStatement update = connection.prepareStatement("""
                update territory set tracked = not tracked, version = version + 1
                where kind = 'EPCI' and tracked <> (siren = any(?))""")) {
            update.setArray(1, connection.createArrayOf("text", tracked));
            int changed = update.executeUpdate();
            if (changed > 0) {
                LOG.infof("registry.tracked-epcis %s: %d EPCI territories tracked or untracked", sirens, changed);
            }
        }
        try (PreparedStatement unknown = connection.prepareStatement("""
                select s from unnest(?::text[]) s where not exists (select 1 from territory where kind = 'EPCI' and siren = s)""")) {
            unknown.setArray(1, connection.createArrayOf("text", tracked));
            try (var rs = unknown.executeQuery()) {
                while (rs.next()) {
                    LOG.warnf("registry.tracked-epcis lists %s, which is no EPCI of 2020: nothing tracked for it", rs.getString(1));
                }
            }
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

    /** Untracked: {@link #trackConfiguredEpcis} tracks the configured ones. */
    private static int loadEpcis(Connection connection) throws SQLException {
        Map<String, UUID> ids = new LinkedHashMap<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement territory = connection.prepareStatement("""
                insert into territory (id, code, name, kind, siren, tracked, created_at) values (?::uuid, ?, ?, 'EPCI', ?, false, ?)""");
                PreparedStatement commune = connection.prepareStatement(
                        "insert into territory_commune (territory_id, insee_code, commune_name) values (?::uuid, ?, ?)")) {
            Csv.readResource("reference/epcicom2020.csv", row -> {
                String siren = row.get("siren");
                UUID id = ids.computeIfAbsent(siren, s -> {
                    UUID created = UUID.randomUUID();
                    batch(territory, created.toString(), "epci-" + s, row.get("raison_sociale"), s, now);
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
