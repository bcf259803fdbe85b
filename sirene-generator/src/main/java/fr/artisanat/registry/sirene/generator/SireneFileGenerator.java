package fr.artisanat.registry.sirene.generator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import fr.artisanat.registry.sirene.SireneColumns;

/**
 * Writes a realistic synthetic SIRENE StockEtablissement file (48-column layout) for load tests and demos: about 60%
 * craft establishments, SIRENE's diffusion, closure and headcount proportions, valid unique SIRETs, a few La Poste
 * rows and a few deliberately malformed rows. The output depends only on the seed, the row count and the communes.
 */
public final class SireneFileGenerator {

    /** What was written; every row is either craft or non-craft, the other counts overlap with those two. */
    public record Summary(long rows, long craft, long nonCraft, long diffusionP, long closed, long malformed,
            long laPoste) {
    }

    private final long seed;
    private final Communes communes;
    private final NafCodes nafCodes;

    /**
     * @param communeCodes INSEE codes of the communes to place establishments in; empty for every commune of France
     *                     (members of an EPCI in 2020)
     * @param communeNames names of those communes; a commune missing here is named from the 2020 EPCI file
     */
    public SireneFileGenerator(long seed, List<String> communeCodes, Map<String, String> communeNames) {
        this.seed = seed;
        this.communes = Communes.of(Objects.requireNonNullElse(communeCodes, List.of()),
                Objects.requireNonNullElse(communeNames, Map.of()));
        this.nafCodes = NafCodes.load();
    }

    /** Writes the header and {@code rows} rows; the writer is flushed, not closed. */
    public Summary write(Writer out, long rows) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        SyntheticEstablishments establishments = new SyntheticEstablishments(new Random(seed), nafCodes, communes);
        StringBuilder line = new StringBuilder(512);
        out.write(String.join(",", SireneColumns.STOCK_ETABLISSEMENT_48));
        out.write('\n');
        long craft = 0;
        long diffusionP = 0;
        long closed = 0;
        long malformed = 0;
        long laPoste = 0;
        for (long i = 0; i < rows; i++) {
            SyntheticEstablishments.Row row = establishments.next();
            craft += row.craft() ? 1 : 0;
            diffusionP += row.partiallyDiffused() ? 1 : 0;
            closed += row.closed() ? 1 : 0;
            malformed += row.defect() != SyntheticEstablishments.Defect.NONE ? 1 : 0;
            laPoste += row.laPoste() ? 1 : 0;
            line.setLength(0);
            appendCsvLine(line, row);
            out.append(line);
        }
        out.flush();
        return new Summary(rows, craft, rows - craft, diffusionP, closed, malformed, laPoste);
    }

    /** Writes the file, gzipped when its name ends in {@code .gz}. */
    public Summary write(Path out, long rows) throws IOException {
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream bytes = out.getFileName().toString().endsWith(".gz")
                        ? new GZIPOutputStream(file, 1 << 16)
                        : file;
                Writer writer = new BufferedWriter(new OutputStreamWriter(bytes, UTF_8), 1 << 16)) {
            return write(writer, rows);
        }
    }

    private static void appendCsvLine(StringBuilder line, SyntheticEstablishments.Row row) {
        String[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values[i];
            if (value == null) {
                continue;
            }
            if (i != row.verbatimColumn() && needsQuotes(value)) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        line.append('\n');
    }

    private static boolean needsQuotes(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
    }
}
