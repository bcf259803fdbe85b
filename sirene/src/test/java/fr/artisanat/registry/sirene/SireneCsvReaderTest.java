package fr.artisanat.registry.sirene;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class SireneCsvReaderTest {

    private static final String HEADER_48 = String.join(",", SireneColumns.STOCK_ETABLISSEMENT_48);
    private static final String ROW_48 = "732829320,00074,73282932000074,O,2002-05-16,12,2022,,2024-03-08T10:21:33,true,"
            + "4,,8,,RUE,DE LONDRES,75009,PARIS 9,,,75109,,,,,,,,,,,,,,,,,,,2008-01-01,A,GOOGLE FRANCE,,,,62.01Z,"
            + "NAFRev2,O";

    /** The 2023 layout: new columns inserted, some in the middle. */
    private static final String HEADER_2023 = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,"
            + "trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,"
            + "dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,"
            + "complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,"
            + "dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,"
            + "libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
            + "libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,"
            + "codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,"
            + "libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,"
            + "coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,"
            + "complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,"
            + "typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,"
            + "libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,"
            + "codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,"
            + "codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
            + "etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,"
            + "denominationUsuelleEtablissement,activitePrincipaleEtablissement,"
            + "nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,"
            + "activitePrincipaleNAF25Etablissement";
    private static final String ROW_2023 = "732829320,00074,73282932000074,O,2002-05-16,12,2022,,2024-03-08T10:21:33,"
            + "true,4,,8,,8,,RUE,DE LONDRES,75009,PARIS 9,,,75109,,,,,750000000001,651897.4,6864567.2,,,,,,,,,,,,,,,"
            + "2008-01-01,A,GOOGLE FRANCE,,,,62.01Z,NAFRev2,O,62.10Y";

    @Test
    void bothLayoutsGiveTheSameValues() throws IOException {
        try (SireneCsvReader older = reader(HEADER_48 + "\n" + ROW_48 + "\n");
                SireneCsvReader newer = reader(HEADER_2023 + "\n" + ROW_2023 + "\n")) {
            assertTrue(older.next());
            assertTrue(newer.next());
            assertTrue(older.wellFormed());
            assertTrue(newer.wellFormed());
            for (String column : SireneColumns.STOCK_ETABLISSEMENT_48) {
                assertEquals(older.get(column), newer.get(column), column);
            }
            assertEquals("73282932000074", newer.get(SireneColumns.SIRET));
            assertEquals("75109", newer.get(SireneColumns.CODE_COMMUNE));
            assertEquals("62.01Z", newer.get(SireneColumns.ACTIVITE_PRINCIPALE));
            assertEquals("62.10Y", newer.get("activitePrincipaleNAF25Etablissement"));
            assertNull(older.get("activitePrincipaleNAF25Etablissement"));
            assertFalse(older.next());
            assertFalse(newer.next());
        }
    }

    @Test
    void emptyValuesAndUnknownColumnsAreNull() throws IOException {
        try (SireneCsvReader reader = reader(HEADER_48 + "\n" + ROW_48 + "\n")) {
            reader.next();
            assertNull(reader.get(SireneColumns.ACTIVITE_RM));
            assertNull(reader.get(SireneColumns.ENSEIGNE_2));
            assertNull(reader.get("noSuchColumn"));
            assertEquals("O", reader.get(SireneColumns.CARACTERE_EMPLOYEUR));
        }
    }

    @Test
    void gzipAndPlainGiveTheSameRows() throws IOException {
        String content = manyRows(3_000);
        byte[] plain = content.getBytes(UTF_8);
        byte[] gzipped = gzip(plain);

        List<String> fromPlain = allValues(new SireneCsvReader(new ByteArrayInputStream(plain)));
        List<String> fromGzip = allValues(new SireneCsvReader(new ByteArrayInputStream(gzipped)));

        assertEquals(3_000 * 48, fromPlain.size());
        assertEquals(fromPlain, fromGzip);
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws IOException {
        String row = ROW_48.replace("GOOGLE FRANCE", "\"DUPONT, MARTIN ET ASSOCIES\"")
                .replace("DE LONDRES", "\"DU \"\"VIEUX\"\" PORT\"")
                .replace("RUE", "\"\"")
                .replace("NAFRev2,O", "NAFRev2,\"O\"");
        try (SireneCsvReader reader = reader(HEADER_48 + "\n" + row + "\n")) {
            assertTrue(reader.next());
            assertTrue(reader.wellFormed());
            assertEquals("DUPONT, MARTIN ET ASSOCIES", reader.get(SireneColumns.ENSEIGNE_1));
            assertEquals("DU \"VIEUX\" PORT", reader.get(SireneColumns.LIBELLE_VOIE));
            assertNull(reader.get(SireneColumns.TYPE_VOIE));
            assertEquals("O", reader.get(SireneColumns.CARACTERE_EMPLOYEUR));
            assertEquals("75109", reader.get(SireneColumns.CODE_COMMUNE));
        }
    }

    @Test
    void aSharedValueIsTheValueAndComesBackAsTheSameStringWhenMetAgain() throws IOException {
        String other = ROW_48.replace("PARIS 9", "\"PARIS \"\"9\"\"\"").replace(",75109,", ",2A004,").replace(",12,", ",,");
        try (SireneCsvReader reader = reader(String.join("\n", HEADER_48, ROW_48, other, ROW_48) + "\n")) {
            assertTrue(reader.next());
            String commune = reader.getShared(SireneColumns.CODE_COMMUNE);
            assertEquals("75109", commune);
            assertEquals("PARIS 9", reader.getShared(SireneColumns.LIBELLE_COMMUNE));
            assertTrue(reader.next());
            assertEquals("2A004", reader.getShared(SireneColumns.CODE_COMMUNE));
            assertEquals("PARIS \"9\"", reader.getShared(SireneColumns.LIBELLE_COMMUNE), "doubled quotes undone");
            assertNull(reader.getShared(SireneColumns.TRANCHE_EFFECTIFS), "empty");
            assertNull(reader.getShared("noSuchColumn"));
            assertTrue(reader.next());
            assertTrue(commune == reader.getShared(SireneColumns.CODE_COMMUNE), "the same String");
            assertEquals(reader.get(SireneColumns.DATE_DEBUT), reader.getShared(SireneColumns.DATE_DEBUT));
        }
    }

    @Test
    void malformedLinesAreReportedWithTheirNumberAndReadingGoesOn() throws IOException {
        String unterminatedQuote = ROW_48.replace("GOOGLE FRANCE", "\"GOOGLE FRANCE");
        String missingField = ROW_48.substring(0, ROW_48.lastIndexOf(','));
        String textAfterQuote = ROW_48.replace("GOOGLE FRANCE", "\"GOOGLE\" FRANCE");
        String content = String.join("\n", HEADER_48, ROW_48, unterminatedQuote, missingField, textAfterQuote,
                ROW_48 + ",extra", ROW_48) + "\n";
        try (SireneCsvReader reader = reader(content)) {
            List<Long> malformed = new ArrayList<>();
            List<Long> good = new ArrayList<>();
            while (reader.next()) {
                (reader.wellFormed() ? good : malformed).add(reader.lineNumber());
            }
            assertEquals(List.of(3L, 4L, 5L, 6L), malformed);
            assertEquals(List.of(2L, 7L), good);
        }
        try (SireneCsvReader reader = reader(content)) {
            reader.next();
            reader.next();
            // Best effort: fields before the broken one are still there, for the error report.
            assertEquals("73282932000074", reader.get(SireneColumns.SIRET));
            reader.next();
            reader.next();
            reader.next();
            reader.next();
            assertTrue(reader.wellFormed());
            assertEquals("GOOGLE FRANCE", reader.get(SireneColumns.ENSEIGNE_1));
        }
    }

    @Test
    void windowsLineEndsByteOrderMarkAndBlankLinesAreTolerated() throws IOException {
        String content = "\uFEFF" + HEADER_48 + "\r\n" + ROW_48 + "\r\n\r\n" + ROW_48.replace("GOOGLE", "ÉTOILE");
        try (SireneCsvReader reader = reader(content)) {
            assertTrue(reader.next());
            assertTrue(reader.wellFormed());
            assertEquals("732829320", reader.get(SireneColumns.SIREN));
            assertEquals("O", reader.get(SireneColumns.CARACTERE_EMPLOYEUR));
            assertTrue(reader.next());
            assertEquals(4, reader.lineNumber());
            assertEquals("ÉTOILE FRANCE", reader.get(SireneColumns.ENSEIGNE_1));
            assertFalse(reader.next());
        }
    }

    @Test
    void longLinesAreReadAndOverlongOnesSkipped() throws IOException {
        String longName = "A".repeat(200_000);
        String overlong = "B".repeat(CsvRecordReader.MAX_LINE_BYTES + 10);
        String content = String.join("\n", HEADER_48, ROW_48.replace("GOOGLE FRANCE", longName),
                ROW_48.replace("GOOGLE FRANCE", overlong), ROW_48) + "\n";
        try (SireneCsvReader reader = reader(content)) {
            assertTrue(reader.next());
            assertEquals(longName, reader.get(SireneColumns.ENSEIGNE_1));
            assertTrue(reader.next());
            assertFalse(reader.wellFormed());
            assertEquals(3, reader.lineNumber());
            assertTrue(reader.next());
            assertTrue(reader.wellFormed());
            assertEquals(4, reader.lineNumber());
            assertEquals("GOOGLE FRANCE", reader.get(SireneColumns.ENSEIGNE_1));
        }
    }

    @Test
    void aLineBreakInsideQuotesRejectsTheTwoLinesWithTheirNumbers() throws IOException {
        // SIRENE files put no line break in a value: a row is a line (see docs/adr/0009).
        String multiLine = ROW_48.replace("GOOGLE FRANCE", "\"ATELIER\nDU PORT\"");
        String content = String.join("\n", HEADER_48, ROW_48, multiLine, ROW_48.replace("GOOGLE", "ETOILE")) + "\n";
        try (SireneCsvReader reader = reader(content)) {
            List<String> lines = new ArrayList<>();
            while (reader.next()) {
                lines.add(reader.lineNumber() + (reader.wellFormed() ? " ok" : " malformed"));
            }
            assertEquals(List.of("2 ok", "3 malformed", "4 malformed", "5 ok"), lines);
        }
    }

    @Test
    void aQuoteNeverClosedRejectsItsLineAloneAndTheRowsAfterItAreRead() throws IOException {
        String neverClosed = ROW_48.replace("GOOGLE FRANCE", "\"GOOGLE FRANCE");
        // Enough rows after it that the open quote would run past the longest record allowed.
        int rowsAfter = CsvRecordReader.MAX_LINE_BYTES / ROW_48.length() + 100;
        StringBuilder content = new StringBuilder(HEADER_48).append('\n').append(neverClosed).append('\n');
        for (int i = 0; i < rowsAfter; i++) {
            content.append(ROW_48).append('\n');
        }
        try (SireneCsvReader reader = reader(content.toString())) {
            assertTrue(reader.next());
            assertFalse(reader.wellFormed());
            assertEquals(2, reader.lineNumber());
            for (int i = 0; i < rowsAfter; i++) {
                assertTrue(reader.next());
                assertTrue(reader.wellFormed(), "line " + reader.lineNumber());
                assertEquals(3 + i, reader.lineNumber());
            }
            assertFalse(reader.next());
        }
        try (SireneCsvReader reader = reader(HEADER_48 + "\n" + neverClosed + "\n" + ROW_48 + "\n" + ROW_48)) {
            List<Boolean> wellFormed = new ArrayList<>();
            while (reader.next()) {
                wellFormed.add(reader.wellFormed());
            }
            assertEquals(List.of(false, true, true), wellFormed);
        }
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        String header = HEADER_48.replace("siret,", "").replace("codeCommuneEtablissement,", "");
        SireneFormatException e = assertThrows(SireneFormatException.class, () -> reader(header + "\n"));
        assertTrue(e.getMessage().contains("siret"), e.getMessage());
        assertTrue(e.getMessage().contains("codeCommuneEtablissement"), e.getMessage());
        assertFalse(e.getMessage().contains("siren,"), e.getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThrows(SireneFormatException.class, () -> reader(""));
    }

    /** The header and rows that differ by their SIRET and name, a few of them quoted or broken. */
    private static String manyRows(int rows) {
        StringBuilder content = new StringBuilder(HEADER_48).append('\n');
        for (int i = 0; i < rows; i++) {
            String name = i % 7 == 0 ? "\"ETS " + i + ", FILS\"" : i % 997 == 0 ? "\"NEVER CLOSED " + i : "ETS " + i;
            content.append(ROW_48.replace("GOOGLE FRANCE", name).replace("00074", String.format("%05d", i)))
                    .append('\n');
        }
        return content.toString();
    }

    private static SireneCsvReader reader(String content) throws IOException {
        return new SireneCsvReader(new ByteArrayInputStream(content.getBytes(UTF_8)));
    }

    private static List<String> allValues(SireneCsvReader reader) throws IOException {
        List<String> values = new ArrayList<>();
        try (reader) {
            while (reader.next()) {
                if (reader.wellFormed()) {
                    for (String column : SireneColumns.STOCK_ETABLISSEMENT_48) {
                        values.add(reader.get(column));
                    }
                } else {
                    values.addAll(Collections.nCopies(48, "malformed line " + reader.lineNumber()));
                }
            }
        }
        return values;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(plain);
        }
        return bytes.toByteArray();
    }
}
