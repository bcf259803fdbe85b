package fr.artisanat.registry.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.jdbc.BinaryCopy;
import fr.artisanat.platform.outbox.BulkOutbox;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEventData;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEvents;

/**
 * Merges the batches of one partition of an import, each in one transaction on a connection of its own:
 * <ol>
 * <li>one query reads the hash stored for each of the batch's SIRETs: a row whose hash is the stored one is left
 * alone, and a re-import of the same file reads hashes and writes only its progress;</li>
 * <li>another reads the version, commune, state and diffusion stored for the rows whose hash differs;</li>
 * <li>new establishments are COPYed (binary) straight into {@code establishment}; changed ones are COPYed into a
 * staging table and updated from it where their version is still the one read;</li>
 * <li>each change's event is built here, from the same {@link EstablishmentEventData} the service's own events use
 * (classification read once the rows are locked), and written to the outbox in bulk rows ({@link BulkOutbox}), in the
 * order of the changes.</li>
 * </ol>
 * Another transaction that wrote one of these establishments between the read and the write (a concurrent merge of
 * the same SIRET) makes the write fail, on the primary key or on the version: the attempt is rolled back and made
 * again from the read, which then sees what the other one committed. So concurrent merges end as if one had run
 * after the other, with one event per real change. Changed rows move to the end of the changes feed: each takes the
 * transaction's id ({@link ChangesFeed#TRANSACTION}) and the next change sequence (ADR 0007).
 */
final class BatchWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    /** Attempts of a batch whose establishments another transaction keeps writing meanwhile. */
    private static final int ATTEMPTS = 10;
    /**
     * The search words dictionary: batches add words under a shared lock; one that withdraws words (an establishment
     * becoming protected) takes it alone, so that it sees every establishment the others wrote.
     */
    static final String SEARCH_WORDS = "registry-search-words";

    private static final String STORED_HASHES = "select siret, row_hash from establishment where siret = any(?::char(14)[])";
    private static final String LOOKUP = """
            select siret, version, row_hash, commune, active, diffusion = 'O' from establishment
            where siret = any(?::char(14)[])""";
    private static final String INSERTED_COLUMNS = StagedRow.COLUMNS
            + ", row_hash, search_words, change_xid, change_seq, version, registered_at, updated_at";
    private static final String STAGING = """
            create temp table if not exists import_change (
                siret char(14), siren char(9), nic char(5), diffusion char(1), name varchar(200),
                trade_names varchar(200)[], street_number varchar(10), street_type varchar(10), street_name varchar(200),
                address_extra varchar(200), postal_code varchar(5), commune varchar(5), commune_name varchar(200),
                naf_code varchar(6), naf_nomenclature varchar(10), nafa_code varchar(6), craft_family varchar(20),
                employee_band varchar(2), band_year integer, created_on date, closed_on date, head_office boolean,
                employer boolean, active boolean, row_hash bigint, search_words text[], change_seq bigint,
                expected_version bigint) on commit delete rows""";
    private static final String STAGED_COLUMNS = StagedRow.COLUMNS + ", row_hash, search_words, change_seq, expected_version";
    private static final String UPDATED_COLUMNS = StagedRow.COLUMNS.replace("siret, ", "") + ", row_hash, search_words, change_seq";
    /** Only where the version is still the one read: otherwise another transaction wrote the row meanwhile. */
    private static final String UPDATE = "update establishment e set (" + UPDATED_COLUMNS + ") = ("
            + ("c." + UPDATED_COLUMNS).replace(", ", ", c.") + "), change_xid = " + ChangesFeed.TRANSACTION
            + ", version = e.version + 1, updated_at = now() from import_change c"
            + " where e.siret = c.siret and e.version = c.expected_version";
    /** A withdrawn word stays while another establishment (this transaction's writes included) holds it. */
    private static final String FORGET_WORDS = """
            delete from search_word s where s.word = any(?::text[])
                and not exists (select 1 from establishment e where e.search_words @> array[s.word])""";

    private final Connection connection;
    private final UUID jobId;
    private final String source;
    private final String requestId;
    private final ObjectWriter eventWriter;
    private final ServiceLocks locks;

    BatchWriter(Connection connection, UUID jobId, String source, String requestId, ObjectMapper json, ServiceLocks locks)
            throws SQLException {
        this.connection = connection;
        this.jobId = jobId;
        this.source = source;
        this.requestId = requestId;
        this.eventWriter = json.writerFor(EstablishmentEvents.Data.class);
        this.locks = locks;
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(STAGING);
        }
        connection.commit();
    }

    /** The stored state of an establishment that the change of a row is judged against. */
    private record Stored(long version, long hash, String commune, boolean active, boolean diffusible) {
    }

    /** A row whose establishment is stored with another hash. */
    private record Change(ImportBatch.Row row, Stored before) {

        String what() {
            if (before.active && !row.values.active()) {
                return "closed";
            }
            return before.commune.equals(row.values.commune()) ? "updated" : "relocated";
        }

        boolean withdrawsWords() {
            return before.diffusible && !"O".equals(row.values.diffusion());
        }
    }

    /** What the transaction writing a batch knows of itself: its id, its time, and the change sequence numbers. */
    private record Transaction(long id, long postgresMicros, long[] changeSeqs) {
    }

    /** An event of the batch, in the order of the changes. */
    private record Event(String siret, String what, EstablishmentEvents.Data data) {

        BulkOutbox.Event toOutbox() {
            return new BulkOutbox.Event(siret, "establishment." + what + ".v1", data);
        }
    }

    /** Another transaction wrote one of the batch's establishments between its read and its write. */
    private static final class WrittenMeanwhile extends SQLException {
        WrittenMeanwhile(int expected, int updated) {
            super(expected - updated + " establishment(s) of the batch changed meanwhile");
        }
    }

    /** Merges the batch and commits it with its progress, adding its figures to {@code total} once committed. */
    void write(ImportBatch batch, ImportCounts total) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                ImportCounts counts = merge(batch);
                connection.commit();
                total.add(counts);
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (attempt == ATTEMPTS || !writtenMeanwhile(e)) {
                    throw e;
                }
                LOG.debugf("Batch of import %s merged again (attempt %d): %s", jobId, attempt + 1, e.getMessage());
            }
        }
    }

    private static boolean writtenMeanwhile(SQLException e) {
        return e instanceof WrittenMeanwhile || "40P01".equals(e.getSQLState()) // deadlock
                || "23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("establishment_pkey");
    }

    private ImportCounts merge(ImportBatch batch) throws SQLException {
        ImportCounts counts = batch.lines().counts();
        Map<String, Long> hashes = storedHashes(batch.rows());
        List<ImportBatch.Row> created = new ArrayList<>();
        List<ImportBatch.Row> differing = new ArrayList<>();
        for (ImportBatch.Row row : batch.rows()) {
            Long hash = hashes.get(row.values.siret());
            if (hash == null) {
                created.add(row);
            } else if (hash != row.hash()) {
                differing.add(row);
            } else {
                counts.unchanged++;
            }
        }
        // the rest of the stored state only for the rows that changed: an unchanged re-import reads hashes alone
        Map<String, Stored> stored = lookup(differing);
        List<Change> changed = new ArrayList<>();
        for (ImportBatch.Row row : differing) {
            Stored before = stored.get(row.values.siret());
            if (before == null) {
                created.add(row);
            } else if (before.hash != row.hash()) {
                changed.add(new Change(row, before));
            } else {
                counts.unchanged++; // written meanwhile, as this row has it
            }
        }
        if (!created.isEmpty() || !changed.isEmpty()) {
            Transaction transaction = begin(created.size() + changed.size(),
                    changed.stream().anyMatch(Change::withdrawsWords));
            List<Event> events = new ArrayList<>(created.size() + changed.size());
            insert(created, transaction, events);
            List<String> withdrawn = update(changed, transaction, events);
            publish(events);
            TreeSet<String> written = wordsOf(created, changed);
            // last: a word new to the dictionary makes another batch adding it wait until this one commits
            addWords(written);
            forgetWords(withdrawn, written);
            events.forEach(event -> counts.add(event.what));
        }
        reject(batch.lines().rejections());
        progress(counts);
        return counts;
    }

    private Map<String, Long> storedHashes(Collection<ImportBatch.Row> rows) throws SQLException {
        return select(STORED_HASHES, rows, rs -> rs.getLong(2));
    }

    private Map<String, Stored> lookup(Collection<ImportBatch.Row> rows) throws SQLException {
        return select(LOOKUP, rows, rs -> new Stored(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6)));
    }

    private interface Reading<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What {@code sql} reads of the rows' establishments, by SIRET (the first column). */
    private <T> Map<String, T> select(String sql, Collection<ImportBatch.Row> rows, Reading<T> reading) throws SQLException {
        Map<String, T> found = new HashMap<>(rows.size() * 2);
        if (rows.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            // sorted: PostgreSQL sorts the array for its index scan, at once when it comes sorted
            select.setArray(1, strings(rows.stream().map(row -> row.values.siret()).sorted().toList()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), reading.read(rs));
                }
            }
        }
        return found;
    }

    /**
     * Takes the search words lock (alone when the batch withdraws words), then the transaction's id and time and one
     * change sequence number per change.
     */
    private Transaction begin(int changes, boolean withdrawsWords) throws SQLException {
        if (withdrawsWords) {
            locks.lockForTransaction(connection, SEARCH_WORDS);
        } else {
            locks.lockSharedForTransaction(connection, SEARCH_WORDS);
        }
        long id;
        long micros;
        try (PreparedStatement begin = connection.prepareStatement("select " + ChangesFeed.TRANSACTION + "::text, now()");
                ResultSet rs = begin.executeQuery()) {
            rs.next();
            id = Long.parseUnsignedLong(rs.getString(1));
            OffsetDateTime now = rs.getObject(2, OffsetDateTime.class);
            micros = BinaryCopy.postgresMicros(now.toEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        }
        long[] seqs = new long[changes];
        try (PreparedStatement sequence = connection.prepareStatement(
                "select nextval('establishment_change_seq') from generate_series(1, ?)")) {
            sequence.setInt(1, changes);
            try (ResultSet rs = sequence.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    seqs[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(seqs);
        return new Transaction(id, micros, seqs);
    }

    /** The words of the rows this batch writes, sorted. */
    private static TreeSet<String> wordsOf(List<ImportBatch.Row> created, List<Change> changed) {
        TreeSet<String> words = new TreeSet<>();
        created.forEach(row -> addAll(words, row.searchWords()));
        changed.forEach(change -> addAll(words, change.row.searchWords()));
        return words;
    }

    /** In sorted order, so that two batches adding the same new words lock them in the same order (no deadlock). */
    private void addWords(SortedSet<String> words) throws SQLException {
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into search_word select unnest(?::text[]) on conflict do nothing")) {
            insert.setArray(1, strings(words));
            insert.executeUpdate();
        }
    }

    private static void addAll(TreeSet<String> words, List<String> more) {
        if (more != null) {
            words.addAll(more);
        }
    }

    /** New establishments, version 0; none can be classified yet (the classification refers to the row). */
    private void insert(List<ImportBatch.Row> created, Transaction transaction, List<Event> events)
            throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        // in key order: each insert into the primary key lands near the previous one
        created.sort(Comparator.comparing(row -> row.values.siret()));
        try (BinaryCopy copy = BinaryCopy.into(connection, "establishment", INSERTED_COLUMNS)) {
            for (ImportBatch.Row row : created) {
                copy.row(StagedRow.COLUMN_COUNT + 7);
                row.values.write(copy);
                copy.int8(row.hash());
                copy.array(row.searchWords(), BinaryCopy.TEXT);
                copy.int8(transaction.id);
                copy.int8(transaction.changeSeqs[events.size()]);
                copy.int8(0);
                copy.timestamp(transaction.postgresMicros);
                copy.timestamp(transaction.postgresMicros);
                events.add(new Event(row.values.siret(), "registered",
                        new EstablishmentEvents.Data(row.values.eventData(0, null), null)));
            }
            copy.finish();
        }
    }

    /** Returns the words of the establishments that become protected, as stored before. */
    private List<String> update(List<Change> changed, Transaction transaction, List<Event> events) throws SQLException {
        if (changed.isEmpty()) {
            return List.of();
        }
        List<String> withdrawn = withdrawnWords(changed);
        int first = events.size();
        try (BinaryCopy copy = BinaryCopy.into(connection, "import_change", STAGED_COLUMNS)) {
            for (int i = 0; i < changed.size(); i++) {
                ImportBatch.Row row = changed.get(i).row;
                copy.row(StagedRow.COLUMN_COUNT + 4);
                row.values.write(copy);
                copy.int8(row.hash());
                copy.array(row.searchWords(), BinaryCopy.TEXT);
                copy.int8(transaction.changeSeqs[first + i]);
                copy.int8(changed.get(i).before.version);
            }
            copy.finish();
        }
        try (Statement update = connection.createStatement()) {
            int updated = update.executeUpdate(UPDATE);
            if (updated != changed.size()) {
                throw new WrittenMeanwhile(changed.size(), updated);
            }
        }
        // read once the rows are locked: a classification committed before is in the event
        Map<String, EstablishmentEventData.Classification> classifications = classifications(changed);
        for (Change change : changed) {
            StagedRow row = change.row.values;
            String what = change.what();
            events.add(new Event(row.siret(), what, new EstablishmentEvents.Data(
                    row.eventData(change.before.version + 1, classifications.get(row.siret())),
                    what.equals("relocated") ? change.before.commune : null)));
        }
        return withdrawn;
    }

    /**
     * Withdraws the words no establishment holds any more. A word a row of this batch holds stays without a look: the
     * common words, which nearly every batch writes, are the ones whose look (every holder, from the GIN index) grows
     * with the registry, to seconds per batch at 18 million establishments, the dictionary's lock held meanwhile.
     */
    private void forgetWords(List<String> withdrawn, Set<String> written) throws SQLException {
        List<String> unheld = withdrawn.stream().filter(word -> !written.contains(word)).toList();
        if (unheld.isEmpty()) {
            return;
        }
        try (PreparedStatement forget = connection.prepareStatement(FORGET_WORDS)) {
            forget.setArray(1, strings(unheld));
            forget.executeUpdate();
        }
    }

    /** The words of the establishments that become protected, as stored before this batch. */
    private List<String> withdrawnWords(List<Change> changed) throws SQLException {
        List<String> sirets = changed.stream().filter(Change::withdrawsWords).map(change -> change.row.values.siret()).toList();
        List<String> words = new ArrayList<>();
        if (sirets.isEmpty()) {
            return words;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct unnest(search_words) from establishment where siret = any(?::char(14)[])")) {
            select.setArray(1, strings(sirets));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    words.add(rs.getString(1));
                }
            }
        }
        return words;
    }

    private Map<String, EstablishmentEventData.Classification> classifications(List<Change> changed) throws SQLException {
        Map<String, EstablishmentEventData.Classification> classifications = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select siret, metier_art_domain, metier_art_label, development_potential, tags from classification
                where siret = any(?::char(14)[])""")) {
            select.setArray(1, strings(changed.stream().map(change -> change.row.values.siret()).toList()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    classifications.put(rs.getString(1), new EstablishmentEventData.Classification(
                            (Integer) rs.getObject(2), rs.getString(3), rs.getBoolean(4),
                            List.of((String[]) rs.getArray(5).getArray())));
                }
            }
        }
        return classifications;
    }

    /** The events, in the order of the changes, into the outbox that the relay publishes from: bulk rows (ADR 0003). */
    private void publish(List<Event> events) throws SQLException {
        BulkOutbox.append(connection, source, EstablishmentEvents.TOPIC, requestId, eventWriter,
                events.stream().map(Event::toOutbox).toList());
    }

    private void reject(List<ImportBatch.Rejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into import_rejection (job_id, line_number, siret, reason) values (?, ?, ?, ?)")) {
            for (ImportBatch.Rejection rejection : rejections) {
                insert.setObject(1, jobId);
                insert.setLong(2, rejection.line());
                insert.setString(3, rejection.siret());
                insert.setString(4, rejection.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Adds the batch's figures to the job's, in the batch's transaction: the progress shown is what is committed. */
    private void progress(ImportCounts counts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update import_job set rows_read = rows_read + ?, kept = kept + ?, inserted = inserted + ?,
                    updated = updated + ?, closed = closed + ?, unchanged = unchanged + ?, rejected = rejected + ?
                where id = ?""")) {
            update.setLong(1, counts.read);
            update.setLong(2, counts.kept);
            update.setLong(3, counts.inserted);
            update.setLong(4, counts.updated);
            update.setLong(5, counts.closed);
            update.setLong(6, counts.unchanged);
            update.setLong(7, counts.rejected);
            update.setObject(8, jobId);
            update.executeUpdate();
        }
    }

    private Array strings(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** Gives the connection back to the pool, without what a failed batch left open. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
