package fr.artisanat.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** One writer per thread, reused: {@link #record} runs for every row an import keeps. */
    private static final ThreadLocal<RecordWriter> RECORD_WRITERS = ThreadLocal.withInitial(RecordWriter::new);

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
        RecordWriter writer = RECORD_WRITERS.get();
        writer.line.setLength(0);
        CsvWriter.CsvWriterRecord record = writer.csv.writeRecord();
        for (Object value : values) {
            record.writeField(value == null ? null : value.toString());
        }
        record.endRecord();
        return writer.line.toString();
    }

    /** FastCSV writing, unbuffered, into a StringBuilder (a StringWriter would lock on every character). */
    private static final class RecordWriter extends Writer {

        private final StringBuilder line = new StringBuilder(256);
        private final CsvWriter csv = CsvWriter.builder().bufferSize(0).lineDelimiter(LineDelimiter.CRLF).build(this);

        @Override
        public void write(int c) {
            line.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            line.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            line.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
