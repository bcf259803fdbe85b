package fr.artisanat.registry.sirene;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

/**
 * Streams a SIRENE StockEtablissement CSV, plain or gzipped, one row at a time, parsed by FastCSV (RFC 4180). Columns
 * are found by header name, so any layout that has the {@linkplain SireneColumns#REQUIRED required columns} loads.
 * A quoted value may hold line breaks; its row is numbered by its first line. A malformed row is reported, never the
 * end of the reading: when it ran over several lines (a quote never closed), only its first line is rejected and the
 * lines after it are read again as rows of their own. Typical use:
 * <pre>{@code
 * try (var reader = new SireneCsvReader(Files.newInputStream(path))) {
 *     while (reader.next()) {
 *         if (!reader.wellFormed()) { report(reader.lineNumber()); continue; }
 *         String siret = reader.get(SireneColumns.SIRET);
 *     }
 * }
 * }</pre>
 */
public final class SireneCsvReader implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final RecordLines lines;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final int columnCount;

    private RecordFields fields;
    private Iterator<RecordFields> records;
    /** Physical lines before the first line the current FastCSV reader sees. */
    private long linesBefore;
    private long lineNumber;
    private boolean wellFormed;

    /**
     * Reads the header line. Closes the stream and throws {@link SireneFormatException} when the file has no header or
     * lacks required columns (all of them named in the message).
     */
    public SireneCsvReader(InputStream in) throws IOException {
        try {
            lines = new RecordLines(new InputStreamReader(decompressedIfGzip(new BufferedInputStream(in, BUFFER_SIZE)),
                    UTF_8));
            if (!parseRecord()) {
                throw new SireneFormatException("The file is empty: no header line");
            }
            if (!wellFormed) {
                throw new SireneFormatException("The header line is not valid CSV");
            }
            columnCount = fields.count();
            for (int i = 0; i < columnCount; i++) {
                String name = fields.value(i);
                if (name != null) {
                    columnIndex.putIfAbsent(i == 0 ? stripByteOrderMark(name) : name, i);
                }
            }
            List<String> missing = SireneColumns.REQUIRED.stream().filter(column -> !columnIndex.containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new SireneFormatException("Not a SIRENE establishment file: missing required columns "
                        + String.join(", ", missing));
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Advances to the next row; blank lines are not rows. False at the end of the file. */
    public boolean next() throws IOException {
        while (parseRecord()) {
            boolean parsed = wellFormed;
            if (parsed && fields.blankLine()) {
                continue;
            }
            wellFormed = parsed && fields.count() == columnCount;
            if (!parsed || !wellFormed && lines.spansLines()) {
                rereadAfterFirstLine();
            }
            return true;
        }
        return false;
    }

    /** 1-based physical line number of the current row (its first line); the header is line 1. */
    public long lineNumber() {
        return lineNumber;
    }

    /** False when the current row is not valid CSV (a quote never closed, text after a closing quote) or has not as
     * many fields as the header. */
    public boolean wellFormed() {
        return wellFormed;
    }

    /**
     * The value of the column in the current row, or null when the value is empty or the column is not in this file.
     * On a row that is not {@linkplain #wellFormed() well formed} values are a best-effort split, for error reports only.
     */
    public String get(String column) {
        Integer index = columnIndex.get(column);
        return index == null ? null : fields.value(index);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /**
     * Parses the next record into {@link #fields}; false at the end of the input. A record FastCSV refuses or that was
     * cut is not well formed, and leaves the parser unusable.
     */
    private boolean parseRecord() throws IOException {
        if (records == null) {
            startParser();
        }
        lines.beginRecord();
        try {
            if (!records.hasNext()) {
                return false;
            }
            records.next();
            wellFormed = !lines.cut();
        } catch (CsvParseException e) {
            wellFormed = false;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        lineNumber = linesBefore + fields.startingLineNumber();
        return true;
    }

    /**
     * Goes on after the first line of the current record with a fresh parser, started at the next record so that the
     * values of this one stay readable.
     */
    private void rereadAfterFirstLine() {
        lines.rereadAfterFirstLine();
        linesBefore = lineNumber;
        records = null;
    }

    private void startParser() {
        fields = new RecordFields();
        // Field counts and blank lines are checked here, per row, rather than by FastCSV for the whole file.
        records = CsvReader.builder().allowMissingFields(true).allowExtraFields(true).skipEmptyLines(false)
                .build(fields, lines).iterator();
    }

    private static String stripByteOrderMark(String name) {
        return !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK ? name.substring(1) : name;
    }

    private static InputStream decompressedIfGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, BUFFER_SIZE) : in;
    }
}
