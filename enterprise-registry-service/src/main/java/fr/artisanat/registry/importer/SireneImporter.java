package fr.artisanat.registry.importer;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.failure.StateConflict;
import fr.artisanat.platform.outbox.OutboxConfig;
import fr.artisanat.platform.web.RequestIds;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.sirene.SireneCsvReader;
import fr.artisanat.registry.sirene.SireneFormatException;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs SIRENE imports as background jobs: one line at a time from the stream, a batch merged per transaction,
 * progress and final report in {@code import_job}, rejected lines in {@code import_rejection}. One job at a time
 * across all instances, guarded by the import lock (see {@link #lockImports}).
 */
@ApplicationScoped
public class SireneImporter {

    private static final String IMPORT_LOCK = "sirene-import";

    private static final Logger LOG = Logger.getLogger(SireneImporter.class);

    @Inject
    DataSource dataSource;

    @Inject
    ServiceLocks locks;

    @Inject
    RegistryConfig config;

    @Inject
    OutboxConfig outbox;

    @Inject
    ManagedExecutor executor;

    @Inject
    ObjectMapper json;

    /** Starts an import of what {@code open} returns in the background; the job opens and closes the stream. */
    public UUID start(String source, Callable<InputStream> open) {
        Job job = createJob(source);
        String requestId = RequestIds.current();
        executor.runAsync(() -> run(job, source, open, requestId));
        return job.id();
    }

    /** Runs an import in the calling thread (demo data, benchmark) and returns its id once finished. */
    public UUID runNow(String source, Callable<InputStream> open) {
        Job job = createJob(source);
        run(job, source, open, RequestIds.current());
        return job.id();
    }

    /**
     * Takes the import lock (refused while a live instance holds it), fails the jobs that an instance which died left
     * RUNNING, and records the new job. The lock stays with the job's connection until the job has finished.
     */
    private Job createJob(String source) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
            if (!lockImports(connection)) {
                connection.close();
                throw new StateConflict("import-running", "Another import is running; wait for it to finish");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Job job = new Job(UUID.randomUUID(), connection);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into import_job (id, source, status, started_at) values (?, ?, 'RUNNING', now())")) {
            failInterrupted(connection);
            insert.setObject(1, job.id());
            insert.setString(2, source);
            insert.executeUpdate();
            return job;
        } catch (SQLException | RuntimeException e) {
            release(job);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /**
     * Another instance may be running an import while this one starts (replicas): only a job that no live instance
     * runs, the import lock being free, was cut short by a stop and will never finish.
     */
    void markInterrupted(@Observes StartupEvent startup) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!lockImports(connection)) {
                LOG.info("An import is running on another instance: left to it");
                return;
            }
            try {
                failInterrupted(connection);
            } finally {
                unlockImports(connection);
            }
        }
    }

    /** With the import lock held, so that a job still RUNNING is one whose instance stopped. */
    private static void failInterrupted(Connection connection) throws SQLException {
        try (Statement update = connection.createStatement()) {
            int failed = update.executeUpdate("update import_job set status = 'FAILED', finished_at = now(),"
                    + " error = 'interrupted: the instance running it stopped during the import' where status = 'RUNNING'");
            if (failed > 0) {
                LOG.warnf("%d import(s) left RUNNING by a stopped instance marked FAILED", failed);
            }
        }
    }

    /**
     * The import lock: a PostgreSQL session advisory lock ({@link ServiceLocks}), held by the connection of the instance
     * running an import. PostgreSQL releases it when that session ends, however the instance stops (even killed), so
     * whoever can take it knows that no import is running anywhere.
     */
    private boolean lockImports(Connection connection) throws SQLException {
        return locks.tryLockForSession(connection, IMPORT_LOCK);
    }

    private void unlockImports(Connection connection) throws SQLException {
        locks.unlockForSession(connection, IMPORT_LOCK);
    }

    /** Releases the import lock, once the job's report is written, and gives the connection back to the pool. */
    private void release(Job job) {
        job.rollback();
        try (Connection connection = job.connection()) {
            unlockImports(connection);
        } catch (SQLException e) {
            // a connection that cannot run a statement has lost its session, and the lock with it
            LOG.warnf(e, "Could not release the import lock of %s", job.id());
        }
    }

    /** A job this instance runs, and the connection that holds the import lock for it and merges its batches. */
    private record Job(UUID id, Connection connection) {

        /** Ends what a failed batch left open, so that the job's report can be written. */
        void rollback() {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                LOG.debugf(e, "Could not roll back import %s", id);
            }
        }
    }

    void run(Job job, String source, Callable<InputStream> open, String requestId) {
        ImportCounts counts = new ImportCounts(); // the batches committed, added to by the pipeline's writers
        long started = System.nanoTime();
        try {
            String error = read(job, source, open, requestId, counts);
            finish(job, error);
            if (error == null) {
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.infof("Import %s of %s done in %.1f s (%.0f rows/s): %s", job.id(), source, seconds,
                        counts.read / seconds, counts.summary());
            }
        } finally {
            release(job);
        }
    }

    /** Reads the file and merges it, the pipeline's writers side by side; returns why the import failed, or null. */
    private String read(Job job, String source, Callable<InputStream> open, String requestId, ImportCounts counts) {
        try (InputStream in = open.call();
                SireneCsvReader reader = new SireneCsvReader(in);
                ImportPipeline pipeline = ImportPipeline.open(config.importer().connections(),
                        () -> new BatchWriter(dataSource.getConnection(), job.id(), outbox.source(), requestId, json, locks),
                        counts)) {
            // meanwhile the relay publishes one batch per poll, leaving the CPU to the merge (ADR 0005)
            locks.lockForSession(job.connection(), ServiceLocks.OUTBOX_BULK_WRITE);
            try {
                pipeline.run(reader, mapper(job.connection()), config.importer().batchSize());
            } finally {
                locks.unlockForSession(job.connection(), ServiceLocks.OUTBOX_BULK_WRITE);
            }
            return null;
        } catch (SireneFormatException e) {
            return e.getMessage();
        } catch (Exception e) {
            LOG.errorf(e, "Import %s of %s failed after %d rows", job.id(), source, counts.read);
            return e.toString();
        }
    }

    /**
     * Records the end of the job (its figures are those its batches recorded), before the job lets go of the import
     * lock: a job is never seen RUNNING without it.
     */
    private void finish(Job job, String error) {
        job.rollback();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update import_job set status = ?, error = ?, finished_at = now() where id = ?")) {
            update.setString(1, error == null ? "SUCCEEDED" : "FAILED");
            update.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            update.setObject(3, job.id());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record the end of import %s", job.id());
        }
    }

    /** Reference data of the import, read once per job: tracked communes, craft NAF codes, employee bands. */
    static RowMapper mapper(Connection connection) throws SQLException {
        Set<String> communes = new HashSet<>();
        query(connection, """
                select distinct tc.insee_code, null from territory_commune tc join territory t on t.id = tc.territory_id
                where t.tracked and (t.valid_to is null or t.valid_to >= current_date)""", (a, b) -> communes.add(a));
        Map<String, String> families = new HashMap<>();
        query(connection, "select code, craft_family from naf_code where craft_family is not null", families::put);
        Set<String> bands = new HashSet<>();
        query(connection, "select code, null from employee_band", (a, b) -> bands.add(a));
        return new RowMapper(communes, families, bands);
    }

    private static void query(Connection connection, String sql, java.util.function.BiConsumer<String, String> row)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row.accept(rs.getString(1), rs.getString(2));
            }
        }
    }
}
