package fr.artisanat.registry.importer;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
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

import fr.artisanat.platform.outbox.OutboxConfig;
import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.web.RequestIds;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.sirene.SireneCsvReader;
import fr.artisanat.registry.sirene.SireneFormatException;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs SIRENE imports as background jobs: one line at a time from the stream, a batch merged per transaction,
 * progress and final report in {@code import_job}, rejected lines in {@code import_rejection}. One job at a time.
 */
@ApplicationScoped
public class SireneImporter {

    private static final Logger LOG = Logger.getLogger(SireneImporter.class);

    @Inject
    DataSource dataSource;

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
        UUID id = createJob(source);
        String requestId = RequestIds.current();
        executor.runAsync(() -> run(id, source, open, requestId));
        return id;
    }

    /** Runs an import in the calling thread (demo data, benchmark) and returns its id once finished. */
    public UUID runNow(String source, Callable<InputStream> open) {
        UUID id = createJob(source);
        run(id, source, open, RequestIds.current());
        return id;
    }

    private UUID createJob(String source) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into import_job (id, source, status, started_at)
                        select ?, ?, 'RUNNING', now() where not exists (select 1 from import_job where status = 'RUNNING')""")) {
            insert.setObject(1, id);
            insert.setString(2, source);
            if (insert.executeUpdate() == 0) {
                throw ApiException.conflict("import-running", "Another import is running; wait for it to finish");
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ApiException.conflict("import-running", "Another import is running; wait for it to finish");
            }
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** A job still RUNNING at start-up was cut short by a stop: it will never finish. */
    void markInterrupted(@Observes StartupEvent startup) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement update = connection.createStatement()) {
            update.executeUpdate("update import_job set status = 'FAILED', finished_at = now(),"
                    + " error = 'interrupted: the service stopped during the import' where status = 'RUNNING'");
        }
    }

    void run(UUID jobId, String source, Callable<InputStream> open, String requestId) {
        ImportCounts counts = new ImportCounts(); // written by the pipeline's writer, read once it is closed
        long started = System.nanoTime();
        try (InputStream in = open.call();
                SireneCsvReader reader = new SireneCsvReader(in);
                Connection connection = dataSource.getConnection();
                ImportPipeline pipeline = new ImportPipeline()) {
            connection.setAutoCommit(false);
            RowMapper mapper = mapper(connection);
            ImportBatch batch = new ImportBatch(connection, jobId, outbox.source(), requestId);
            ImportBatch.Rows rows = new ImportBatch.Rows(json);
            long read = 0;
            long kept = 0;
            long rejected = 0;
            while (reader.next()) {
                read++;
                switch (mapper.map(reader)) {
                    case RowMapper.Staged staged -> {
                        kept++;
                        rows.stage(staged.row());
                    }
                    case RowMapper.Rejected rejection -> {
                        rejected++;
                        rows.reject(reader.lineNumber(), rejection.siret(), rejection.reason());
                    }
                    case RowMapper.Skipped skipped -> {
                    }
                }
                if (rows.staged() >= config.importer().batchSize()) {
                    rows.soFar(read, kept, rejected);
                    pipeline.submit(merge(connection, batch, rows, jobId, counts));
                    rows = new ImportBatch.Rows(json);
                }
            }
            rows.soFar(read, kept, rejected);
            pipeline.submit(merge(connection, batch, rows, jobId, counts));
            pipeline.await();
        } catch (SireneFormatException e) {
            finish(jobId, counts, "FAILED", e.getMessage());
            return;
        } catch (Exception e) {
            LOG.errorf(e, "Import %s of %s failed after %d rows", jobId, source, counts.read);
            finish(jobId, counts, "FAILED", e.toString());
            return;
        }
        finish(jobId, counts, "SUCCEEDED", null);
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("Import %s of %s done in %.1f s (%.0f rows/s): %d rows read, %d kept, %d inserted, %d updated, %d closed, %d rejected",
                jobId, source, seconds, counts.read / seconds, counts.read, counts.kept, counts.inserted, counts.updated,
                counts.closed, counts.rejected);
    }

    /** The writer's work for one batch: merge it, record the progress, commit. */
    private static Callable<Void> merge(Connection connection, ImportBatch batch, ImportBatch.Rows rows, UUID jobId,
            ImportCounts counts) {
        return () -> {
            batch.write(rows, counts);
            progress(connection, jobId, counts, "RUNNING", null);
            connection.commit();
            return null;
        };
    }

    private void finish(UUID jobId, ImportCounts counts, String status, String error) {
        try (Connection connection = dataSource.getConnection()) {
            progress(connection, jobId, counts, status, error);
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record the end of import %s", jobId);
        }
    }

    private static void progress(Connection connection, UUID jobId, ImportCounts counts, String status, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update import_job set status = ?, rows_read = ?, kept = ?, inserted = ?, updated = ?, closed = ?,
                    unchanged = ?, rejected = ?, error = ?, finished_at = ? where id = ?""")) {
            update.setString(1, status);
            update.setLong(2, counts.read);
            update.setLong(3, counts.kept);
            update.setLong(4, counts.inserted);
            update.setLong(5, counts.updated);
            update.setLong(6, counts.closed);
            update.setLong(7, counts.unchanged);
            update.setLong(8, counts.rejected);
            update.setString(9, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            update.setTimestamp(10, "RUNNING".equals(status) ? null : Timestamp.from(Instant.now()));
            update.setObject(11, jobId);
            update.executeUpdate();
        }
    }

    /** Reference data of the import, read once per job: tracked communes, craft NAF codes, employee bands. */
    private static RowMapper mapper(Connection connection) throws SQLException {
        Set<String> communes = new HashSet<>();
        query(connection, """
                select distinct tc.insee_code, null from territory_commune tc join territory t on t.id = tc.territory_id
                where t.tracked and (t.valid_to is null or t.valid_to >= current_date)""", (a, b) -> communes.add(a));
        Map<String, String> families = new HashMap<>();
        query(connection, "select code, craft_family from naf_code where craft_family is not null", families::put);
        Set<String> bands = new HashSet<>();
        query(connection, "select code, null from employee_band", (a, b) -> bands.add(a));
        connection.commit();
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
