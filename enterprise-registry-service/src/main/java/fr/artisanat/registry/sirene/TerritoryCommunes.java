package fr.artisanat.registry.sirene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the communes of a territory given on the command line: a comma-separated list of INSEE codes, a file with one
 * code per line, or a CSV with a header naming the code column {@code insee_commune} (seed-territories.csv) or
 * {@code insee} (epcicom2020.csv).
 */
final class TerritoryCommunes {

    private static final Pattern INSEE_CODE = Pattern.compile("\\d[\\dAB]\\d{3}");
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
        if (!lines.isEmpty() && INSEE_CODE.matcher(lines.getFirst().trim()).matches()) {
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
        try (InputStream in = Files.newInputStream(file); CsvRecordReader records = new CsvRecordReader(in)) {
            String codeColumn = firstPresent(records, CODE_COLUMNS);
            if (codeColumn == null) {
                throw new IllegalArgumentException(file + " has no commune code column " + CODE_COLUMNS);
            }
            String nameColumn = firstPresent(records, NAME_COLUMNS);
            Map<String, String> communes = new LinkedHashMap<>();
            while (records.next()) {
                String code = records.get(codeColumn);
                if (records.wellFormed() && code != null) {
                    communes.putIfAbsent(code, nameColumn == null ? null : records.get(nameColumn));
                }
            }
            return communes;
        }
    }

    private static String firstPresent(CsvRecordReader records, List<String> columns) {
        return columns.stream().filter(records::hasColumn).findFirst().orElse(null);
    }
}
