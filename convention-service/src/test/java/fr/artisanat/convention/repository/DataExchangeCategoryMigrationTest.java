package fr.artisanat.convention.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Data-exchange lines written before they had a category (V5) get the one their text and provider state, in a schema
 * of their own migrated to V4, filled as V4 left conventions, then migrated on.
 */
@QuarkusTest
class DataExchangeCategoryMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String serviceUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** The service's database, in a schema of the test's, on connections of its own (the pool's stay as they are). */
    private DataSource database(String schema) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(serviceUrl.replace("currentSchema=convention", "currentSchema=" + schema));
        database.setUser(user);
        database.setPassword(password);
        return database;
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(database(schema)).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void linesWrittenBeforeGetTheCategoryTheirTextAndProviderState() throws SQLException {
        String schema = "convention_v5_" + Long.toString(System.nanoTime(), 36);
        try {
            flyway(schema, "4").migrate();
            run(schema, """
                    insert into convention (id, reference, kind, title, status, start_date, end_date, created_at, updated_at,
                                            change_xid, change_seq)
                    values ('00000000-0000-4000-8000-000000000001', 'V4', 'FRAMEWORK', 'Convention de la V4', 'ACTIVE',
                            '2015-10-20', '2020-10-19', now(), now(), '0', 1);
                    insert into convention_party (id, convention_id, position, partner_type, partner_id, partner_name) values
                        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 0, 'AUTHORITY',
                         '00000000-0000-4000-8000-0000000000b1', 'CA du Pays d''Aubagne et de l''Etoile'),
                        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', 1, 'CHAMBER',
                         '00000000-0000-4000-8000-0000000000b2', 'CMAR PACA');
                    insert into data_exchange (convention_id, position, provider_party_id, data) values
                        ('00000000-0000-4000-8000-000000000001', 0, '00000000-0000-4000-8000-0000000000a2',
                         'Données du répertoire des métiers sur les entreprises artisanales du territoire'),
                        ('00000000-0000-4000-8000-000000000001', 1, '00000000-0000-4000-8000-0000000000a2',
                         'Extrait du REPERTOIRE DES METIERS'),
                        ('00000000-0000-4000-8000-000000000001', 2, '00000000-0000-4000-8000-0000000000a1',
                         'Copie du répertoire des métiers reçue de la chambre'),
                        ('00000000-0000-4000-8000-000000000001', 3, '00000000-0000-4000-8000-0000000000a2',
                         'Statistiques des entreprises artisanales du territoire'),
                        ('00000000-0000-4000-8000-000000000001', 4, '00000000-0000-4000-8000-0000000000a2',
                         'Liste des entreprises artisanales'),
                        ('00000000-0000-4000-8000-000000000001', 5, '00000000-0000-4000-8000-0000000000ff',
                         'Données du répertoire des métiers d''une partie disparue')""");

            flyway(schema, "latest").migrate();

            assertEquals(Map.of(0, "CRAFT_REGISTRY", 1, "CRAFT_REGISTRY", 2, "OTHER", 3, "CRAFT_STATISTICS", 4, "OTHER",
                    5, "OTHER"), categories(schema), "only a chamber's line naming the répertoire des métiers shares it");
        } finally {
            run(schema, "drop schema " + schema + " cascade");
        }
    }

    private void run(String schema, String sql) throws SQLException {
        try (Connection connection = database(schema).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Map<Integer, String> categories(String schema) throws SQLException {
        try (Connection connection = database(schema).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select position, category from data_exchange order by position")) {
            Map<Integer, String> found = new LinkedHashMap<>();
            while (rows.next()) {
                found.put(rows.getInt(1), rows.getString(2));
            }
            return found;
        }
    }
}
