package fr.artisanat.registry.sirene;

import java.util.Arrays;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * Receives the fields of one record from FastCSV into a reused array, empty values as null: no per-row collection
 * besides the values themselves, which keeps memory flat over files of tens of millions of rows.
 */
final class RecordFields extends AbstractBaseCsvCallbackHandler<RecordFields> {

    private String[] values = new String[64];

    @Override
    protected void handleField(int fieldIndex, char[] buffer, int offset, int length, boolean quoted) {
        if (fieldIndex == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[fieldIndex] = length == 0 ? null : new String(buffer, offset, length);
    }

    @Override
    protected RecordFields buildRecord() {
        return this;
    }

    int count() {
        return getFieldCount();
    }

    /** The value at this index, or null when it is empty or beyond the fields of the record. */
    String value(int index) {
        return index < getFieldCount() ? values[index] : null;
    }

    boolean blankLine() {
        return getRecordType() == RecordType.EMPTY;
    }

    long startingLineNumber() {
        return getStartingLineNumber();
    }
}
