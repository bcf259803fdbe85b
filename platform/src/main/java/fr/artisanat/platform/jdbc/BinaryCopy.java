package fr.artisanat.platform.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written straight into a {@code COPY … FROM STDIN (FORMAT BINARY)}: the server stores the values as sent,
 * without parsing text (dates, arrays, numbers), which took a third of its time with the text format. The buffer is
 * flushed into the COPY as it fills, so memory does not grow with the number of rows.
 */
public final class BinaryCopy implements AutoCloseable {

    /** Element types of the arrays written (the server checks them). */
    public static final int TEXT = 25;
    public static final int VARCHAR = 1043;
    private static final int UUID_TYPE = 2950;

    private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, // flags
            0, 0, 0, 0 }; // header extension length
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int BUFFER = 1 << 16;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER];
    private int length;

    private BinaryCopy(CopyIn copy) throws SQLException {
        this.copy = copy;
        write(HEADER);
    }

    /** Starts a COPY of {@code columns} (comma-separated) into {@code table}; {@link #finish()} ends it. */
    public static BinaryCopy into(Connection connection, String table, String columns) throws SQLException {
        return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format binary)"));
    }

    /** Starts a row of {@code fields} values, each written next by one of the methods below, in column order. */
    public void row(int fields) throws SQLException {
        room(2);
        int16(fields);
    }

    public void text(String value) throws SQLException {
        if (value == null) {
            nul();
        } else if (!ascii(value)) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes an ASCII value (most of them: codes, numbers, most names) straight into the buffer, one byte per
     * character, without encoding it into an array first; false, having written nothing, for any other.
     */
    private boolean ascii(String value) throws SQLException {
        int n = value.length();
        if (n > BUFFER - 4) {
            return false;
        }
        room(4 + n);
        int start = length + 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buffer[start + i] = (byte) c;
        }
        int32(n);
        length += n;
        return true;
    }

    /** A value already encoded: UTF-8 text or JSON. */
    public void bytes(byte[] value) throws SQLException {
        room(4);
        int32(value.length);
        write(value);
    }

    public void int4(Integer value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(8);
        int32(4);
        int32(value);
    }

    public void int8(long value) throws SQLException {
        room(12);
        int32(8);
        int64(value);
    }

    public void bool(boolean value) throws SQLException {
        room(5);
        int32(1);
        buffer[length++] = (byte) (value ? 1 : 0);
    }

    public void date(LocalDate value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        room(8);
        int32(4);
        int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    /** A {@code timestamptz}, in microseconds since the PostgreSQL epoch (see {@link #postgresMicros}). */
    public void timestamp(long postgresMicros) throws SQLException {
        int8(postgresMicros);
    }

    public void uuid(UUID value) throws SQLException {
        room(20);
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
    }

    /** A one-dimensional array of strings without nulls (null writes SQL null); {@code elementType} is its OID. */
    public void array(List<String> values, int elementType) throws SQLException {
        if (values == null) {
            nul();
            return;
        }
        encodedArray(values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList(), elementType);
    }

    /** A one-dimensional array of values already encoded (UTF-8 text, JSON), without nulls. */
    public void encodedArray(List<byte[]> elements, int elementType) throws SQLException {
        int size = 0;
        for (byte[] element : elements) {
            size += 4 + element.length;
        }
        arrayHeader(size, elements.size(), elementType);
        for (byte[] element : elements) {
            bytes(element);
        }
    }

    /**
     * A one-dimensional array of values already encoded one after the other in {@code data}, the value {@code i} ending
     * at {@code ends[i]} (the first starting at 0), without nulls.
     */
    public void encodedArray(byte[] data, int[] ends, int count, int elementType) throws SQLException {
        arrayHeader(4 * count + (count == 0 ? 0 : ends[count - 1]), count, elementType);
        int start = 0;
        for (int i = 0; i < count; i++) {
            room(4);
            int32(ends[i] - start);
            write(data, start, ends[i] - start);
            start = ends[i];
        }
    }

    /** A one-dimensional {@code uuid[]} without nulls. */
    public void uuids(List<UUID> values) throws SQLException {
        arrayHeader(values.size() * 20, values.size(), UUID_TYPE);
        for (UUID value : values) {
            uuid(value);
        }
    }

    /** The length and header of an array of {@code count} elements taking {@code size} bytes with their lengths. */
    private void arrayHeader(int size, int count, int elementType) throws SQLException {
        room(4 + 20);
        int32(size + (count == 0 ? 12 : 20));
        int32(count == 0 ? 0 : 1); // dimensions
        int32(0); // no null element
        int32(elementType);
        if (count > 0) {
            int32(count);
            int32(1); // lower bound
        }
    }

    public void nul() throws SQLException {
        room(4);
        int32(-1);
    }

    /** Ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        room(2);
        int16(-1);
        flush();
        return copy.endCopy();
    }

    /** Cancels a COPY left unfinished by a failure (the transaction is rolled back anyway). */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** Microseconds since 2000-01-01 UTC, PostgreSQL's epoch, of a time given in microseconds since 1970. */
    public static long postgresMicros(long unixMicros) {
        return unixMicros - POSTGRES_EPOCH_DAY * 86_400_000_000L;
    }

    private void room(int bytes) throws SQLException {
        if (length + bytes > buffer.length) {
            flush();
        }
    }

    private void write(byte[] bytes) throws SQLException {
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int from, int count) throws SQLException {
        if (length + count > buffer.length) {
            flush();
            if (count > buffer.length) {
                copy.writeToCopy(bytes, from, count);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void int16(int value) {
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
