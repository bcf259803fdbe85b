package fr.artisanat.convention.reference;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fr.artisanat.convention.config.ConventionConfig;
import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.csv.Csv;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the communes and EPCIs of 1 January 2020 (DGCL "epcicom" file) and the founding territories that no longer
 * exist in it (e.g. the CA du Pays d'Aubagne et de l'Etoile), when the database has no commune yet. Plain JDBC
 * batches: 35,000 rows in about a second.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    static final String EPCI_FILE = "reference/epcicom2020.csv";
    static final String SEED_FILE = "reference/seed-territories.csv";

    @Inject
    DataSource dataSource;

    @Inject
    ConventionConfig config;

    @Inject
    ServiceLocks locks;

    void onStart(@Observes @Priority(20) StartupEvent startup) throws SQLException {
        if (config.referenceData()) {
            load();
        }
    }

    public void load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Replicas starting together on an empty database: one loads, the others wait for it, then find it done.
            locks.lockForTransaction(connection, "reference-data");
            try (var check = connection.createStatement()) {
                var rs = check.executeQuery("select exists (select 1 from commune)");
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            Map<String, String> communes = new LinkedHashMap<>();
            Map<String, Epci> epcis = new LinkedHashMap<>();
            Csv.readResource(EPCI_FILE, row -> {
                communes.put(row.get("insee"), row.get("nom_membre"));
                epcis.computeIfAbsent(row.get("siren"), siren -> new Epci(siren, row.get("raison_sociale"),
                        row.get("nature_juridique"), null)).communes.add(row.get("insee"));
            });
            Csv.readResource(SEED_FILE, row -> {
                communes.putIfAbsent(row.get("insee_commune"), row.get("commune"));
                epcis.computeIfAbsent(row.get("authority_siren"), siren -> new Epci(siren, row.get("authority_name"),
                        row.get("nature"), LocalDate.parse(row.get("valid_from")))).communes.add(row.get("insee_commune"));
            });
            insert(connection, communes, epcis.values());
            connection.commit();
            LOG.infof("Reference data loaded: %d communes, %d authorities", communes.size(), epcis.size());
        }
    }

    private static void insert(Connection connection, Map<String, String> communes, Iterable<Epci> epcis) throws SQLException {
        try (PreparedStatement commune = connection.prepareStatement("insert into commune (insee_code, name) values (?, ?)")) {
            for (var entry : communes.entrySet()) {
                commune.setString(1, entry.getKey());
                commune.setString(2, entry.getValue());
                commune.addBatch();
            }
            commune.executeBatch();
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement authority = connection.prepareStatement("""
                insert into authority (id, siren, name, nature, valid_from, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, 0, ?, ?)""");
                PreparedStatement member = connection.prepareStatement(
                        "insert into authority_commune (authority_id, insee_code) values (?, ?)")) {
            for (Epci epci : epcis) {
                UUID id = UUID.randomUUID();
                authority.setObject(1, id);
                authority.setString(2, epci.siren);
                authority.setString(3, epci.name);
                authority.setString(4, epci.nature);
                authority.setDate(5, epci.validFrom == null ? null : Date.valueOf(epci.validFrom));
                authority.setTimestamp(6, now);
                authority.setTimestamp(7, now);
                authority.addBatch();
                for (String insee : epci.communes) {
                    member.setObject(1, id);
                    member.setString(2, insee);
                    member.addBatch();
                }
            }
            authority.executeBatch();
            member.executeBatch();
        }
    }

    private static final class Epci {
        final String siren;
        final String name;
        final String nature;
        final LocalDate validFrom;
        final Set<String> communes = new LinkedHashSet<>();

        Epci(String siren, String name, String nature, LocalDate validFrom) {
            this.siren = siren;
            this.name = name;
            this.nature = nature;
            this.validFrom = validFrom;
        }
    }
}
