package fr.artisanat.registry.sirene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * Command line for {@link SireneFileGenerator}:
 * {@code --rows N --seed S --out path[.gz] [--territory-communes file-or-list]}. Prints a one-line summary.
 */
public final class GenerateSireneFile {

    private static final String USAGE = "usage: GenerateSireneFile --rows N --seed S --out path[.gz]"
            + " [--territory-communes file-or-comma-separated-INSEE-codes]";

    private GenerateSireneFile() {
    }

    public static void main(String[] args) throws IOException {
        Long rows = null;
        Long seed = null;
        Path out = null;
        Map<String, String> communes = Map.of();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
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
        SireneFileGenerator generator = new SireneFileGenerator(seed, new ArrayList<>(communes.keySet()), communes);
        SireneFileGenerator.Summary summary = generator.write(out, rows);
        System.out.printf("Wrote %d rows to %s in %.1f s: %d craft, %d non-craft, %d diffusion P, %d closed,"
                + " %d malformed, %d La Poste%n", summary.rows(), out, (System.nanoTime() - start) / 1e9,
                summary.craft(), summary.nonCraft(), summary.diffusionP(), summary.closed(), summary.malformed(),
                summary.laPoste());
    }
}
