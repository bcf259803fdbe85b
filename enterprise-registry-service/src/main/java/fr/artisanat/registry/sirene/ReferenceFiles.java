package fr.artisanat.registry.sirene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference CSVs shipped in the classpath folder {@code reference/}. */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** Each row of the file as a map from the wanted column names to their values (null when empty). */
    static List<Map<String, String>> read(String fileName, String... columns) {
        String resource = "/reference/" + fileName;
        if (ReferenceFiles.class.getResource(resource) == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(resource);
                CsvRecordReader records = new CsvRecordReader(in)) {
            for (String column : columns) {
                if (!records.hasColumn(column)) {
                    throw new IllegalStateException(resource + " has no column " + column);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            while (records.next()) {
                if (!records.wellFormed()) {
                    throw new IllegalStateException(resource + ": malformed line " + records.lineNumber());
                }
                Map<String, String> row = new HashMap<>();
                for (String column : columns) {
                    row.put(column, records.get(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
