package fr.artisanat.registry.sirene;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a UTF-8 CSV with a header line (RFC 4180 quoting, no line break inside a field) one line at a time. Lines are
 * split in place in a reused byte buffer and values become Strings only when asked for: this keeps reading fast and
 * memory flat whatever the file size. Splitting bytes is safe in UTF-8, where no multi-byte character contains a
 * comma, a quote or a line feed.
 */
final class CsvRecordReader implements AutoCloseable {

    /** Longer lines are not rows (a binary or corrupted file): they are skipped and reported as malformed. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte LINE_FEED = '\n';
    private static final byte CARRIAGE_RETURN = '\r';
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Reads eight bytes of the buffer as one long, the first byte in the lowest bits. */
    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final int columnCount;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;

    private int lineStart;
    private int lineEnd;
    private boolean lineTooLong;
    private long lineNumber;

    private int[] fieldStart = new int[64];
    private int[] fieldEnd = new int[64];
    private boolean[] fieldHasDoubledQuotes = new boolean[64];
    private int fieldCount;
    private boolean splitCleanly;
    private byte[] unquoted = new byte[256];

    /**
     * The last value read into each slot, by the hash of its bytes, for {@link #getShared}: a small cache (it stays in
     * the processor's cache), each value replacing the one of its slot.
     */
    private static final int SHARED_SLOTS = 1 << 12;
    private final String[] sharedValues = new String[SHARED_SLOTS];
    private final byte[][] sharedBytes = new byte[SHARED_SLOTS][];

    CsvRecordReader(InputStream in) throws IOException {
        this.in = in;
        if (!readLine()) {
            throw new SireneFormatException("The file is empty: no header line");
        }
        skipByteOrderMark();
        split();
        if (!splitCleanly || lineTooLong) {
            throw new SireneFormatException("The header line is not valid CSV");
        }
        columnCount = fieldCount;
        for (int i = 0; i < fieldCount; i++) {
            String name = valueAt(i);
            if (name != null) {
                // interned: callers look columns up by constant names, and a string compares equal to itself at once
                columnIndex.putIfAbsent(name.intern(), i);
            }
        }
    }

    boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    /** Moves to the next row; blank lines are not rows and are passed over. */
    boolean next() throws IOException {
        while (readLine()) {
            if (lineTooLong) {
                fieldCount = 0;
                splitCleanly = false;
                return true;
            }
            if (lineEnd > lineStart) {
                split();
                return true;
            }
        }
        fieldCount = 0;
        return false;
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean wellFormed() {
        return splitCleanly && fieldCount == columnCount;
    }

    /** The value, or null when the column is not in the header or the value is empty. Best effort on malformed rows. */
    String get(String column) {
        Integer index = columnIndex.get(column);
        return index == null ? null : valueAt(index);
    }

    /**
     * As {@link #get}, for a column of few values that many rows share (codes, states): a value met recently is
     * returned as the same String, neither made again nor held once per row.
     */
    String getShared(String column) {
        Integer index = columnIndex.get(column);
        if (index == null || index >= fieldCount || fieldHasDoubledQuotes[index]) {
            return index == null ? null : valueAt(index);
        }
        int start = fieldStart[index];
        int end = fieldEnd[index];
        if (start == end) {
            return null;
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ hash >>> 16) & SHARED_SLOTS - 1;
        byte[] known = sharedBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, buffer, start, end)) {
            return sharedValues[slot];
        }
        byte[] bytes = Arrays.copyOfRange(buffer, start, end);
        String value = new String(bytes, UTF_8);
        sharedBytes[slot] = bytes;
        sharedValues[slot] = value;
        return value;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean readLine() throws IOException {
        lineTooLong = false;
        int scanFrom = position;
        while (true) {
            int lineFeed = indexOfLineFeed(scanFrom);
            if (lineFeed >= 0) {
                takeLine(lineFeed, lineFeed + 1);
                return true;
            }
            if (endOfInput) {
                if (position == limit && !lineTooLong) {
                    return false;
                }
                takeLine(limit, limit);
                return true;
            }
            int scanned = limit - position;
            if (scanned >= MAX_LINE_BYTES) {
                lineTooLong = true;
                position = 0;
                limit = 0;
                scanned = 0;
            }
            makeRoom();
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
            scanFrom = position + scanned;
        }
    }

    private int indexOfLineFeed(int from) {
        byte[] bytes = buffer;
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long lineFeeds = bytesEqualTo((long) LONG_VIEW.get(bytes, i), LINE_FEEDS);
            if (lineFeeds != 0) {
                return i + (Long.numberOfTrailingZeros(lineFeeds) >>> 3);
            }
        }
        for (; i < limit; i++) {
            if (bytes[i] == LINE_FEED) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sets the high bit of each byte of {@code word} equal to the byte repeated in {@code pattern}, and only those:
     * adding 0x7F to the low 7 bits never carries into the next byte. Comparing eight bytes at a time is what makes
     * scanning fast, since SIRENE lines are mostly commas (many empty fields).
     */
    private static long bytesEqualTo(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
    }

    /** Moves the unfinished line to the start of the buffer, and grows the buffer only for a line longer than it. */
    private void makeRoom() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private void takeLine(int end, int nextPosition) {
        lineStart = position;
        lineEnd = end > lineStart && buffer[end - 1] == CARRIAGE_RETURN ? end - 1 : end;
        position = nextPosition;
        lineNumber++;
    }

    private void skipByteOrderMark() {
        if (lineEnd - lineStart >= 3 && buffer[lineStart] == (byte) 0xEF && buffer[lineStart + 1] == (byte) 0xBB
                && buffer[lineStart + 2] == (byte) 0xBF) {
            lineStart += 3;
        }
    }

    private void split() {
        byte[] bytes = buffer;
        int end = lineEnd;
        fieldCount = 0;
        splitCleanly = true;
        int fieldBegin = lineStart;
        int i = lineStart;
        words:
        while (i + Long.BYTES <= end) {
            long word = (long) LONG_VIEW.get(bytes, i);
            long marks = bytesEqualTo(word, COMMAS) | bytesEqualTo(word, QUOTES);
            while (marks != 0) {
                int at = i + (Long.numberOfTrailingZeros(marks) >>> 3);
                marks &= marks - 1;
                if (bytes[at] == COMMA) {
                    addField(fieldBegin, at, false);
                    fieldBegin = at + 1;
                } else if (at == fieldBegin) {
                    int after = splitQuotedField(at);
                    if (after >= end) {
                        return;
                    }
                    fieldBegin = after + 1;
                    i = fieldBegin;
                    continue words;
                }
            }
            i += Long.BYTES;
        }
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b == COMMA) {
                addField(fieldBegin, i, false);
                fieldBegin = i + 1;
            } else if (b == QUOTE && i == fieldBegin) {
                i = splitQuotedField(i);
                if (i >= end) {
                    return;
                }
                fieldBegin = i + 1;
            }
        }
        addField(fieldBegin, end, false);
    }

    /** Adds the field opened by this quote; returns the position of the comma that ends it, or the end of line. */
    private int splitQuotedField(int openingQuote) {
        byte[] bytes = buffer;
        int start = openingQuote + 1;
        boolean doubledQuotes = false;
        int i = start;
        while (i < lineEnd) {
            if (bytes[i] == QUOTE) {
                if (i + 1 < lineEnd && bytes[i + 1] == QUOTE) {
                    doubledQuotes = true;
                    i += 2;
                    continue;
                }
                addField(start, i, doubledQuotes);
                i++;
                if (i < lineEnd && bytes[i] != COMMA) {
                    // Text after a closing quote: the line is not valid CSV; resynchronise on the next comma.
                    splitCleanly = false;
                    while (i < lineEnd && bytes[i] != COMMA) {
                        i++;
                    }
                }
                return i;
            }
            i++;
        }
        addField(start, lineEnd, doubledQuotes);
        splitCleanly = false;
        return lineEnd;
    }

    private void addField(int start, int end, boolean doubledQuotes) {
        if (fieldCount == fieldStart.length) {
            int capacity = fieldCount * 2;
            fieldStart = Arrays.copyOf(fieldStart, capacity);
            fieldEnd = Arrays.copyOf(fieldEnd, capacity);
            fieldHasDoubledQuotes = Arrays.copyOf(fieldHasDoubledQuotes, capacity);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldHasDoubledQuotes[fieldCount] = doubledQuotes;
        fieldCount++;
    }

    private String valueAt(int index) {
        if (index >= fieldCount) {
            return null;
        }
        int start = fieldStart[index];
        int length = fieldEnd[index] - start;
        if (length == 0) {
            return null;
        }
        if (!fieldHasDoubledQuotes[index]) {
            return new String(buffer, start, length, UTF_8);
        }
        if (unquoted.length < length) {
            unquoted = new byte[length];
        }
        int n = 0;
        for (int i = start; i < start + length; i++) {
            unquoted[n++] = buffer[i];
            if (buffer[i] == QUOTE) {
                i++;
            }
        }
        return new String(unquoted, 0, n, UTF_8);
    }
}
