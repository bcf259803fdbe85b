package fr.artisanat.registry.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader hands to one partition's writer: the kept rows of the partition since its previous batch (a SIRET
 * repeated in them keeps its last line), and the {@link Lines} read since the previous batch of any partition, so
 * that each line is counted, and each rejection recorded, by exactly one batch.
 */
final class ImportBatch {

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private int staged;
    private Lines lines = new Lines();

    /** A kept row and its line; its hash and search words are computed once, by the writer. */
    static final class Row {
        final StagedRow values;
        final long line;
        private long hash;
        private boolean hashed;
        private List<String> searchWords;
        private boolean folded;

        Row(StagedRow values, long line) {
            this.values = values;
            this.line = line;
        }

        long hash() {
            if (!hashed) {
                hash = values.hash();
                hashed = true;
            }
            return hash;
        }

        List<String> searchWords() {
            if (!folded) {
                searchWords = values.searchWords();
                folded = true;
            }
            return searchWords;
        }
    }

    /** Lines read, kept and rejected (with the reasons) between two batches. */
    static final class Lines {
        private final List<Rejection> rejections = new ArrayList<>();
        private long read;
        private long kept;

        void read() {
            read++;
        }

        void kept() {
            kept++;
        }

        void reject(long line, String siret, String reason) {
            rejections.add(new Rejection(line, siret == null || siret.length() > 20 ? null : siret,
                    reason.length() > 300 ? reason.substring(0, 300) : reason));
        }

        int rejected() {
            return rejections.size();
        }

        List<Rejection> rejections() {
            return rejections;
        }

        /** The figures these lines add to the job: read, kept, rejected. */
        ImportCounts counts() {
            ImportCounts counts = new ImportCounts();
            counts.read = read;
            counts.kept = kept;
            counts.rejected = rejections.size();
            return counts;
        }
    }

    record Rejection(long line, String siret, String reason) {
    }

    void stage(StagedRow row, long line) {
        rows.put(row.siret(), new Row(row, line));
        staged++;
    }

    /** Kept rows, a repeated SIRET counted each time: the reader cuts batches by this. */
    int staged() {
        return staged;
    }

    /** One row per SIRET, the last line of each. */
    Collection<Row> rows() {
        return rows.values();
    }

    /** This batch records these lines, read since the previous batch. */
    ImportBatch with(Lines read) {
        lines = read;
        return this;
    }

    Lines lines() {
        return lines;
    }
}
