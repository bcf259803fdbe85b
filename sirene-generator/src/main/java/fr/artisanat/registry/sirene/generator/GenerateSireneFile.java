package fr.artisanat.registry.sirene.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command line for {@link SireneFileGenerator} ({@code ./suite sirene-generate}, docs/registry.md):
 * {@code --rows N --seed S --out path[.gz] [--territory-communes file-or-list] [--weight-by-population]}. Prints a
 * one-line summary.
 */
public final class GenerateSireneFile {

    private static final String USAGE = "usage: sirene-generate --rows N --seed S --out path[.gz]"
            + " [--territory-communes file-or-comma-separated-INSEE-codes] [--weight-by-population]";

    private GenerateSireneFile() {
    }

    public static void main(String[] args) throws IOException {
        Long rows = null;
        Long seed = null;
        Path out = null;
        Map<String, String> communes = Map.of();
        boolean weightByPopulation = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--weight-by-population")) {
                    weightByPopulation = true;
                    continue;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--rows" -> rows = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--territory-communes" -> communes = TerritoryCommunes.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (rows == null || seed == null || out == null) {
                throw new IllegalArgumentException("--rows, --seed and --out are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        List<String> communeCodes = new ArrayList<>(communes.keySet());
        if (weightByPopulation) {
            // No communes given means every commune of France, weighted as well.
            communeCodes = Communes.weightedByPopulation(
                    communes.isEmpty() ? Communes.epci2020Communes().keySet() : communes.keySet());
        }
        // Weighting names every commune from the 2020 EPCI file, the one source of the populations too.
        Map<String, String> communeNames = weightByPopulation ? Map.of() : communes;
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        SireneFileGenerator.Summary summary = new SireneFileGenerator(seed, communeCodes, communeNames).write(out, rows);
        System.out.printf("Wrote %d rows to %s in %.1f s: %d craft, %d non-craft, %d diffusion P, %d closed,"
                + " %d malformed, %d La Poste%n", summary.rows(), out, (System.nanoTime() - start) / 1e9,
                summary.craft(), summary.nonCraft(), summary.diffusionP(), summary.closed(), summary.malformed(),
                summary.laPoste());
    }
}
