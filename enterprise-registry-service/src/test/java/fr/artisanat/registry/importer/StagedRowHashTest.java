package fr.artisanat.registry.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The hash stored with every establishment must stay what it was when the row was written, or a re-import would
 * find every establishment changed: the hash computed without making the values' text equals the hash of their text.
 */
class StagedRowHashTest {

    @Test
    void theHashIsTheOneOfTheValuesText() {
        List<StagedRow> rows = List.of(
                row("Boulangerie Dupré", 2022, LocalDate.of(2015, 3, 1), null, true),
                row(null, null, null, null, false),
                row("Œuvre & Cie — 5ᵉ", 0, LocalDate.of(999, 12, 31), LocalDate.of(2024, 2, 29), true),
                row("X", 7, LocalDate.of(10_000, 1, 1), LocalDate.of(-5, 6, 7), false),
                row("Y", -42, LocalDate.of(1, 1, 1), LocalDate.of(2000, 10, 10), true),
                row("Z", Integer.MAX_VALUE, LocalDate.of(9999, 9, 9), null, false),
                row("", Integer.MIN_VALUE, LocalDate.of(2023, 1, 9), null, true));
        for (StagedRow row : rows) {
            assertEquals(hashOfText(row), row.hash(), row.toString());
        }
    }

    private static StagedRow row(String name, Integer bandYear, LocalDate created, LocalDate closed, boolean flag) {
        return new StagedRow("12345678901234", "123456789", "01234", "O", name, name == null ? null : name + " 1", null,
                null, "12", "RUE", "DE LA PAIX", null, "26000", "26362", "VALENCE", "10.71C", "NAFRev2", null,
                "ALIMENTATION", "02", bandYear, created, closed, flag, !flag, flag);
    }

    /** The hash as first defined: FNV-1a over the text of each value, in the order of the record. */
    private static long hashOfText(StagedRow r) {
        long hash = 0xcbf29ce484222325L;
        for (Object value : Arrays.asList(r.siret(), r.siren(), r.nic(), r.diffusion(), r.name(), r.tradeName1(),
                r.tradeName2(), r.tradeName3(), r.streetNumber(), r.streetType(), r.streetName(), r.addressExtra(),
                r.postalCode(), r.commune(), r.communeName(), r.nafCode(), r.nafNomenclature(), r.nafaCode(),
                r.craftFamily(), r.employeeBand(), r.bandYear(), r.createdOn(), r.closedOn(), r.headOffice(),
                r.employer(), r.active())) {
            String text = value == null ? "\u0000" : value.toString();
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= 0x1f;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
