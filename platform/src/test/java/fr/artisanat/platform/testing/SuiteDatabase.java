package fr.artisanat.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Plain JDBC to the database of {@code ./suite test}, for black-box tests that check what services left in it. Uses
 * the same variables as the services, with the test instance's defaults.
 */
public final class SuiteDatabase {

    private SuiteDatabase() {
    }

    /** A connection in one service's schema. */
    public static Connection connect(String schema) throws SQLException {
        return connect(env("DB_NAME", "partnerships"), schema);
    }

    /** A connection in one schema of another database of the instance (one a test created for its services). */
    public static Connection connect(String database, String schema) throws SQLException {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "25432") + "/"
                + database + "?currentSchema=" + schema;
        return DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", "postgres"));
    }

    /**
     * Creates an empty database in the instance, for services a test starts on data of their own only (the other
     * tests of {@code ./suite test} leave theirs in the shared one). Dropped first, so that a run on a kept instance
     * ({@code SUITE_INSTANCE=test ./suite infra-start}) starts afresh.
     */
    public static void createEmpty(String database) throws SQLException {
        try (Connection connection = connect("public"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
    }

    /**
     * The {@code application_name} of the session (so the instance, see {@link ServiceProcess}) that holds one of the
     * platform's advisory locks of this schema now, as taken by {@code fr.artisanat.platform.ServiceLocks}.
     */
    public static Optional<String> lockHolder(Connection connection, String schema, String purpose) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                  and l.classid = hashtext(?)::oid and l.objid = hashtext(?)::oid""")) {
            query.setString(1, schema);
            query.setString(2, purpose);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
