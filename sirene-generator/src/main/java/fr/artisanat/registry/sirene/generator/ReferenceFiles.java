package fr.artisanat.registry.sirene.generator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/** Reads the reference files the sirene module ships (NAF codes, craft activities, EPCI communes), columns by name. */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    static void forEachRow(String resource, Consumer<NamedCsvRecord> action) {
        InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing reference file " + resource);
        }
        try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(in, UTF_8))) {
            rows.forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
