package fr.artisanat.registry.importer;

/** Progress of one import, updated as it goes and kept as its final report. */
final class ImportCounts {
    long read;
    long kept;
    long inserted;
    long updated;
    long closed;
    long unchanged;
    long rejected;

    void add(String change, long count) {
        switch (change) {
            case "registered" -> inserted += count;
            case "closed" -> closed += count;
            default -> updated += count; // updated or relocated
        }
    }
}
