package fr.artisanat.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL advisory locks that let one instance of a service at a time do a job (relay the outbox, purge old rows,
 * run an import, load reference data) however many replicas run. Services share one database and advisory locks are
 * database-wide, so a lock is keyed by the service's schema and the job: {@code (hashtext(schema), hashtext(job))}.
 * PostgreSQL frees a lock when its holder's connection drops (a killed instance), so another instance takes over.
 * A transaction lock lasts until the transaction ends; a session lock until it is released or the connection closes.
 */
@ApplicationScoped
public class ServiceLocks {

    /** The outbox relay: one instance publishes, so one aggregate's events cannot be sent by two producers at once. */
    public static final String OUTBOX_RELAY = "outbox-relay";
    /** The purge of rows past their retention. */
    public static final String HOUSEKEEPING = "housekeeping";
    /**
     * Held by a writer filling the outbox in bulk (a SIRENE import) for as long as it writes: the relay then publishes
     * one batch per poll instead of draining at once, and leaves the CPU to the writer (ADR 0003).
     */
    public static final String OUTBOX_BULK_WRITE = "outbox-bulk-write";

    private static final String KEY = "(hashtext(?), hashtext(?))";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.flyway.schemas")
    String schema;

    /** Takes the job's lock until the current transaction ends, unless another session holds it: true when taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLockForTransaction(String job) {
        return (Boolean) call("pg_try_advisory_xact_lock", job);
    }

    /**
     * Takes the job's lock in shared mode until the current transaction ends, unless a session holds it alone: true
     * when taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLockSharedForTransaction(String job) {
        return (Boolean) call("pg_try_advisory_xact_lock_shared", job);
    }

    /** Waits for the job's lock and holds it until the current transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForTransaction(String job) {
        call("pg_advisory_xact_lock", job);
    }

    /** The same on a plain JDBC connection whose transaction is open (auto-commit off). */
    public void lockForTransaction(Connection connection, String job) throws SQLException {
        await(connection, "pg_advisory_xact_lock", job);
    }

    /**
     * Waits for the job's lock in shared mode and holds it until the transaction ends: holders of the shared lock run
     * side by side, the holder of {@link #lockForTransaction(Connection, String)} alone.
     */
    public void lockSharedForTransaction(Connection connection, String job) throws SQLException {
        await(connection, "pg_advisory_xact_lock_shared", job);
    }

    /** Waits for the job's lock and holds it for the connection's session, until released or the connection closes. */
    public void lockForSession(Connection connection, String job) throws SQLException {
        await(connection, "pg_advisory_lock", job);
    }

    /** Takes the job's lock for the connection's session, unless another session holds it: true when taken. */
    public boolean tryLockForSession(Connection connection, String job) throws SQLException {
        return call(connection, "pg_try_advisory_lock", job);
    }

    /** Releases a lock taken by {@link #tryLockForSession}. */
    public void unlockForSession(Connection connection, String job) throws SQLException {
        call(connection, "pg_advisory_unlock", job);
    }

    private Object call(String function, String job) {
        return em.createNativeQuery("select " + function + "(hashtext(:schema), hashtext(:job))")
                .setParameter("schema", schema)
                .setParameter("job", job)
                .getSingleResult();
    }

    /** Runs a locking function that returns only once the lock is held. */
    private void await(Connection connection, String function, String job) throws SQLException {
        try (PreparedStatement statement = statement(connection, function, job)) {
            statement.execute();
        }
    }

    private boolean call(Connection connection, String function, String job) throws SQLException {
        try (PreparedStatement statement = statement(connection, function, job);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private PreparedStatement statement(Connection connection, String function, String job) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select " + function + KEY);
        try {
            statement.setString(1, schema);
            statement.setString(2, job);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
