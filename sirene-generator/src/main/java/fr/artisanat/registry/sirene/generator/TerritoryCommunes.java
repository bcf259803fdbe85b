package fr.artisanat.registry.sirene.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.artisanat.registry.sirene.CommuneCode;

/**
 * Reads the communes of a territory given on the command line: a comma-separated list of INSEE codes, a file with one
 * code per line, or a CSV with a header naming the code column {@code insee_commune} (seed-territories.csv) or
 * {@code insee} (epcicom2020.csv).
 */
final class TerritoryCommunes {

    private static final List<String> CODE_COLUMNS = List.of("insee_commune", "insee");
    private static final List<String> NAME_COLUMNS = List.of("commune", "nom_membre");

    private TerritoryCommunes() {
    }

    /** INSEE code to commune name (null when the source gives no name), in the order given. */
    static Map<String, String> parse(String fileOrList) throws IOException {
        Path file = Path.of(fileOrList);
        if (!Files.isRegularFile(file)) {
            return codes(List.of(fileOrList.split(",")));
        }
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && CommuneCode.isValid(lines.getFirst().trim())) {
            return codes(lines);
        }
        return fromCsv(file);
    }

    private static Map<String, String> codes(List<String> values) {
        Map<String, String> communes = new LinkedHashMap<>();
        for (String value : values) {
            String code = value.trim();
            if (!code.isEmpty()) {
                communes.put(code, null);
            }
        }
        return communes;
    }

    private static Map<String, String> fromCsv(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            List<String> header = records.hasNext() ? records.next().getFields() : List.of();
            int code = firstPresent(header, CODE_COLUMNS);
            if (code < 0) {
                throw new IllegalArgumentException(file + " has no commune code column " + CODE_COLUMNS);
            }
            int name = firstPresent(header, NAME_COLUMNS);
            Map<String, String> communes = new LinkedHashMap<>();
            records.forEachRemaining(row -> {
                if (!row.getField(code).isEmpty()) {
                    communes.putIfAbsent(row.getField(code), name < 0 ? null : row.getField(name));
                }
            });
            return communes;
        }
    }

    /** The index of the first of these columns the header has, or -1. */
    private static int firstPresent(List<String> header, List<String> columns) {
        return columns.stream().mapToInt(header::indexOf).filter(index -> index >= 0).findFirst().orElse(-1);
    }
}
