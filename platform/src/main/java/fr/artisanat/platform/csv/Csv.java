package fr.artisanat.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/** RFC 4180 CSV through FastCSV, for the reference files services ship and the CSV they write. */
public final class Csv {

    /** Unbuffered: each record goes straight to its own small writer. */
    private static final CsvWriter.CsvWriterBuilder RECORD_WRITER = CsvWriter.builder().bufferSize(0)
            .lineDelimiter(LineDelimiter.CRLF);

    private Csv() {
    }

    /**
     * Reads a classpath CSV (UTF-8, one header line) a row at a time, each row as column name → value. A row with
     * another number of fields than the header fails the reading, with its line number: reference files are ours.
     */
    public static void readResource(String resource, Consumer<Map<String, String>> rows) {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing reference file " + resource);
        }
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.forEach(row -> rows.accept(row.getFieldsAsMap()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record, null written as an empty field: quoted when a value holds a comma, quote or line break; CRLF end. */
    public static String record(List<?> values) {
        StringWriter line = new StringWriter();
        RECORD_WRITER.build(line).writeRecord(values.stream().map(value -> value == null ? null : value.toString())
                .toList());
        return line.toString();
    }
}
