package fr.artisanat.registry.sirene;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams a SIRENE StockEtablissement CSV, plain or gzipped, one row at a time. Columns are found by header name, so
 * any layout that has the {@linkplain SireneColumns#REQUIRED required columns} loads. Typical use:
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

    private final CsvRecordReader records;

    /**
     * Reads the header line. Closes the stream and throws {@link SireneFormatException} when the file has no header or
     * lacks required columns (all of them named in the message).
     */
    public SireneCsvReader(InputStream in) throws IOException {
        try {
            records = new CsvRecordReader(decompressedIfGzip(new BufferedInputStream(in, BUFFER_SIZE)));
            List<String> missing = SireneColumns.REQUIRED.stream().filter(column -> !records.hasColumn(column))
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

    /** Advances to the next data line; false at the end of the file. */
    public boolean next() throws IOException {
        return records.next();
    }

    /** 1-based physical line number of the current row; the header is line 1. */
    public long lineNumber() {
        return records.lineNumber();
    }

    /** False when the current line has an unterminated quote or not as many fields as the header. */
    public boolean wellFormed() {
        return records.wellFormed();
    }

    /**
     * The value of the column in the current row, or null when the value is empty or the column is not in this file.
     * On a row that is not {@linkplain #wellFormed() well formed} values are a best-effort split, for error reports only.
     */
    public String get(String column) {
        return records.get(column);
    }

    /**
     * As {@link #get}, for a column of few values that many rows share (activity codes, states, bands): a value met
     * recently comes back as the same String, so that it is neither made again nor held once per row in memory.
     */
    public String getShared(String column) {
        return records.getShared(column);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private static InputStream decompressedIfGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, BUFFER_SIZE) : in;
    }
}
