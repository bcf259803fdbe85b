package fr.artisanat.registry.importer;

/**
 * Figures of an import: those of one batch, recorded with it in {@code import_job} (added to what is there), and
 * their sum over the batches committed so far, which the merging threads add to as they commit.
 */
final class ImportCounts {
    long read;
    long kept;
    long inserted;
    long updated;
    long closed;
    long unchanged;
    long rejected;

    void add(String change) {
        switch (change) {
            case "registered" -> inserted++;
            case "closed" -> closed++;
            default -> updated++; // updated or relocated
        }
    }

    synchronized void add(ImportCounts batch) {
        read += batch.read;
        kept += batch.kept;
        inserted += batch.inserted;
        updated += batch.updated;
        closed += batch.closed;
        unchanged += batch.unchanged;
        rejected += batch.rejected;
    }

    synchronized String summary() {
        return "%d rows read, %d kept, %d inserted, %d updated, %d closed, %d unchanged, %d rejected".formatted(read, kept,
                inserted, updated, closed, unchanged, rejected);
    }
}
