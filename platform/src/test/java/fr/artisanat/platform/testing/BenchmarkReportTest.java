package fr.artisanat.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

    @TempDir
    Path dir;

    @Test
    void aSectionIsReplacedInPlaceAndTheRestOfTheFileStays() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\nIntro by hand.\n");
        BenchmarkReport.writeSection(doc, "registry", "## Registry\n\nold figures\n");
        BenchmarkReport.writeSection(doc, "gateway", "## Gateway\n\ngateway figures");
        BenchmarkReport.writeSection(doc, "registry", "## Registry\n\nnew figures");

        assertEquals("""
                # Benchmarks

                Intro by hand.

                <!-- benchmark:registry:begin -->
                ## Registry

                new figures
                <!-- benchmark:registry:end -->

                <!-- benchmark:gateway:begin -->
                ## Gateway

                gateway figures
                <!-- benchmark:gateway:end -->
                """, Files.readString(doc));
    }

    @Test
    void aMissingReportIsCreated() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        BenchmarkReport.writeSection(doc, "registry", "figures");
        assertEquals("# Benchmarks\n\n<!-- benchmark:registry:begin -->\nfigures\n<!-- benchmark:registry:end -->\n",
                Files.readString(doc));
    }
}
