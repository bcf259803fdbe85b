package fr.artisanat.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md holds the figures of several benchmarks and notes written by hand: each benchmark replaces only
 * its own section, between {@code <!-- benchmark:NAME:begin -->} and {@code <!-- benchmark:NAME:end -->}, so a run
 * of one never erases the figures of another. A section not yet in the file is added at its end.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** The suite's report, seen from a module's directory (where Maven runs a module's tests). */
    public static Path suiteReport() {
        return Path.of("..", "docs", "benchmarks.md");
    }

    public static void writeSection(Path doc, String name, String markdown) throws IOException {
        String begin = "<!-- benchmark:" + name + ":begin -->";
        String end = "<!-- benchmark:" + name + ":end -->";
        String section = begin + "\n" + markdown.strip() + "\n" + end;
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
