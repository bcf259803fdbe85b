package fr.artisanat.registry.importer;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import fr.artisanat.registry.sirene.SireneCsvReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two merges of overlapping files at once end in the state that one after the other gives: the same establishments,
 * versions and figures, and one event per real change, not one per merge. The merges read what is stored before
 * either writes (they then wait for the search words lock, held here until all of their writers are waiting), so each
 * writes over what the other has just written: new establishments both register (the primary key must catch it),
 * then changes both make (the version check must catch it). Communes of Mayotte, which no other test uses.
 */
@QuarkusTest
class ConcurrentMergeTest {

    private static final int ROWS = 45;
    private static final int PARTITIONS = 2;

    @Inject
    DataSource dataSource;

    @Inject
    ServiceLocks locks;

    @Inject
    ObjectMapper json;

    @Test
    void twoConcurrentMergesOfOverlappingFilesEndAsOneAfterTheOther() throws Exception {
        Registry.territory("Mamoudzou et Koungou (test)", "97611", "97610");
        List<String> oneAfterTheOther = sirets();
        List<String> atOnce = sirets();

        for (boolean changed : List.of(false, true)) {
            ImportCounts first = merge(file(oneAfterTheOther, 0, 30, changed));
            ImportCounts second = merge(file(oneAfterTheOther, 15, ROWS, changed));
            List<ImportCounts> together = mergeAtOnce(file(atOnce, 0, 30, changed), file(atOnce, 15, ROWS, changed));
            assertEquals(figures(first, second), figures(together.get(0), together.get(1)), changed ? "changes" : "new");
        }

        assertEquals(establishments(oneAfterTheOther), establishments(atOnce));
        assertEquals(events(oneAfterTheOther), events(atOnce));
        assertEquals(2 * ROWS, events(atOnce).size(), "registered, then updated, closed or relocated, once each: "
                + events(atOnce));
    }

    private static List<String> sirets() {
        return IntStream.range(0, ROWS).mapToObj(i -> newSiret()).toList();
    }

    /**
     * Rows {@code from} to {@code to} (excluded), as both files have them: new establishments, or the same with another
     * employee band, every fifth closed and every seventh moved to Koungou.
     */
    private static byte[] file(List<String> sirets, int from, int to, boolean changed) {
        SireneFile file = SireneFile.layout48();
        for (int i = from; i < to; i++) {
            file.row(changed
                    ? craft(sirets.get(i), i % 7 == 0 ? "97610" : "97611", "43.22A", "Plomberie Mahoraise " + i, Map.of(
                            "trancheEffectifsEtablissement", "02",
                            "etatAdministratifEtablissement", i % 5 == 0 ? "F" : "A", "dateDebut", "2025-03-01"))
                    : craft(sirets.get(i), "97611", "43.22A", "Plomberie Mahoraise " + i, Map.of()));
        }
        return file.bytes();
    }

    private ImportCounts merge(byte[] file) throws Exception {
        UUID job = job();
        ImportCounts counts = new ImportCounts();
        try (Connection connection = dataSource.getConnection();
                SireneCsvReader reader = new SireneCsvReader(new ByteArrayInputStream(file));
                ImportPipeline pipeline = ImportPipeline.open(PARTITIONS, () -> new BatchWriter(dataSource.getConnection(),
                        job, "/enterprise-registry-service", null, json, locks), counts)) {
            pipeline.run(reader, SireneImporter.mapper(connection), 1000);
        }
        return counts;
    }

    /** Both merges read the stored state, then wait for the lock held here; released together, both write. */
    private List<ImportCounts> mergeAtOnce(byte[] one, byte[] other) throws Exception {
        ExecutorService merges = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            locks.lockForTransaction(holder, BatchWriter.SEARCH_WORDS);
            Future<ImportCounts> first = merges.submit(() -> merge(one));
            Future<ImportCounts> second = merges.submit(() -> merge(other));
            await().atMost(Duration.ofSeconds(60)).until(() -> waitingForTheLock() == 2 * PARTITIONS);
            holder.commit();
            holder.setAutoCommit(true);
            return List.of(first.get(), second.get());
        } finally {
            merges.shutdownNow();
        }
    }

    private long waitingForTheLock() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A job for the merge to record its figures and rejections against. */
    private UUID job() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into import_job (id, source, status, started_at) values (?, 'test:concurrent-merge', 'SUCCEEDED', now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static String figures(ImportCounts one, ImportCounts other) {
        ImportCounts sum = new ImportCounts();
        sum.add(one);
        sum.add(other);
        return sum.summary();
    }

    /** Each establishment as stored, its SIRET replaced by its rank in the files. */
    private List<String> establishments(List<String> sirets) throws Exception {
        return rows(sirets, """
                select siret, concat_ws('|', diffusion, name, array_to_string(trade_names, ','), commune, employee_band,
                    active, closed_on, version, array_to_string(search_words, ','))
                from establishment where siret = any(?) order by siret""");
    }

    /** Each event of these establishments, in outbox order, SIRETs and SIRENs replaced by their rank. */
    private List<String> events(List<String> sirets) throws Exception {
        return rows(sirets, """
                select aggregate_id, event_type || ' ' || payload::text from outbox_event_each
                where aggregate_id = any(?) order by aggregate_id, seq""");
    }

    /** The rows of {@code sql} (a SIRET and a value), ordered by rank, keeping the order of each SIRET's rows. */
    private List<String> rows(List<String> sirets, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", sirets.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int rank = sirets.indexOf(rs.getString(1).trim());
                    String value = rs.getString(2).replace(sirets.get(rank), "#" + rank)
                            .replace(sirets.get(rank).substring(0, 9), "#" + rank);
                    rows.add(rank + " " + value);
                }
            }
        }
        rows.sort(Comparator.comparingInt(row -> Integer.parseInt(row.substring(0, row.indexOf(' ')))));
        return rows;
    }
}
