package fr.artisanat.registry.sirene;

import java.io.IOException;
import java.io.Reader;

/**
 * The decoded text of a SIRENE file as FastCSV reads it: at most one physical line per {@link #read}, so that the lines
 * of the record being parsed are known. A record that turns out malformed after running over several lines (most
 * often a quote that is never closed) is then rejected for its first line alone: {@link #rereadAfterFirstLine()} hands
 * the following lines out again, to be parsed as rows of their own. A record is cut after {@link #MAX_RECORD_CHARS}
 * characters by answering end of input, which bounds both the memory and what a broken file can swallow.
 */
final class RecordLines extends Reader {

    /** Longer records are not rows (a binary or corrupted file, a quote never closed): they are cut there. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader source;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    /** Text to hand out again before the source, from {@link #replayPosition} on. */
    private StringBuilder replay = new StringBuilder();
    private int replayPosition;
    /** Set when a rejected first line was not handed out to its end: the rest of it is passed over. */
    private boolean skippingRestOfLine;

    private boolean inFirstLine;
    private final StringBuilder afterFirstLine = new StringBuilder();
    private int recordChars;
    private boolean cut;

    RecordLines(Reader source) {
        this.source = source;
    }

    /** Called before FastCSV parses the next record: what is read from now on belongs to it. */
    void beginRecord() {
        inFirstLine = true;
        afterFirstLine.setLength(0);
        recordChars = 0;
        cut = false;
    }

    /** Whether the record ran past the end of its first line. */
    boolean spansLines() {
        return !afterFirstLine.isEmpty();
    }

    /** Whether the record was cut at {@link #MAX_RECORD_CHARS}. */
    boolean cut() {
        return cut;
    }

    /** Hands out again what the record read after its first line, and passes over the rest of that first line. */
    void rereadAfterFirstLine() {
        skippingRestOfLine = inFirstLine;
        afterFirstLine.append(replay, replayPosition, replay.length());
        replay = new StringBuilder(afterFirstLine);
        replayPosition = 0;
        afterFirstLine.setLength(0);
        cut = false;
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (cut || recordChars >= MAX_RECORD_CHARS) {
            cut = true;
            return -1;
        }
        if (skippingRestOfLine && !skipRestOfLine()) {
            return -1;
        }
        int n = readLine(into, offset, Math.min(length, MAX_RECORD_CHARS - recordChars));
        if (n <= 0) {
            return n;
        }
        recordChars += n;
        if (!inFirstLine) {
            afterFirstLine.append(into, offset, n);
        } else if (into[offset + n - 1] == '\n') {
            inFirstLine = false;
        }
        return n;
    }

    /** Copies text up to the next line feed included, at most {@code length} characters; -1 at the end. */
    private int readLine(char[] into, int offset, int length) throws IOException {
        if (replayPosition < replay.length()) {
            int end = Math.min(replay.length(), replayPosition + length);
            int lineFeed = replay.indexOf("\n", replayPosition);
            if (lineFeed >= 0 && lineFeed < end) {
                end = lineFeed + 1;
            }
            replay.getChars(replayPosition, end, into, offset);
            int n = end - replayPosition;
            replayPosition = end;
            return n;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int end = Math.min(limit, position + length);
        char[] chars = buffer;
        int i = position;
        while (i < end && chars[i] != '\n') {
            i++;
        }
        if (i < end) {
            i++;
        }
        int n = i - position;
        System.arraycopy(chars, position, into, offset, n);
        position = i;
        return n;
    }

    /** Passes over text up to the next line feed included; false when the input ends first. */
    private boolean skipRestOfLine() throws IOException {
        if (replayPosition < replay.length()) {
            int lineFeed = replay.indexOf("\n", replayPosition);
            replayPosition = lineFeed < 0 ? replay.length() : lineFeed + 1;
            if (lineFeed >= 0) {
                skippingRestOfLine = false;
                return true;
            }
        }
        while (position < limit || fill()) {
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    skippingRestOfLine = false;
                    return true;
                }
            }
        }
        return false;
    }

    private boolean fill() throws IOException {
        int n = source.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
