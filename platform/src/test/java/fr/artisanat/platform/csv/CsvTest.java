package fr.artisanat.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void recordsQuoteOnlyWhatMustBeQuotedAndWriteNullAsEmpty() {
        assertEquals("73282932000074,\"DUPONT, MARTIN\",\"DU \"\"VIEUX\"\" PORT\",,\"A\r\nB\",2012-05-14,true,42\r\n",
                Csv.record(Arrays.asList("73282932000074", "DUPONT, MARTIN", "DU \"VIEUX\" PORT", null, "A\r\nB",
                        LocalDate.of(2012, 5, 14), true, 42L)));
        assertEquals("a,b\r\n", Csv.record(List.of("a", "b")));
    }

    @Test
    void resourcesAreReadByColumnName() {
        List<Map<String, String>> rows = new ArrayList<>();
        Csv.readResource("csv/communes.csv", rows::add);
        assertEquals(List.of(Map.of("insee", "13005", "name", "Aubagne"),
                Map.of("insee", "26362", "name", "Valence, Drôme")), rows);
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Csv.readResource("csv/none.csv", row -> { }));
        assertEquals("Missing reference file csv/none.csv", e.getMessage());
    }
}
