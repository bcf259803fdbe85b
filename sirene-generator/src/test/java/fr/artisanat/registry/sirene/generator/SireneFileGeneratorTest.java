package fr.artisanat.registry.sirene.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.artisanat.registry.sirene.SireneColumns;
import fr.artisanat.registry.sirene.SireneCsvReader;
import fr.artisanat.registry.sirene.Siret;

class SireneFileGeneratorTest {

    private static final String REAL_HEADER = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,"
            + "trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,"
            + "dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,"
            + "complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,"
            + "typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
            + "libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,"
            + "codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,"
            + "libellePaysEtrangerEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,"
            + "indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,"
            + "codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,"
            + "distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,"
            + "libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
            + "etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,"
            + "denominationUsuelleEtablissement,activitePrincipaleEtablissement,"
            + "nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement";

    private static final int ROWS = 20_000;
    private static final List<String> PROTECTED_FIELDS = List.of(SireneColumns.ENSEIGNE_1, SireneColumns.ENSEIGNE_2,
            SireneColumns.ENSEIGNE_3, SireneColumns.DENOMINATION_USUELLE, SireneColumns.COMPLEMENT_ADRESSE,
            SireneColumns.NUMERO_VOIE, SireneColumns.INDICE_REPETITION, SireneColumns.TYPE_VOIE,
            SireneColumns.LIBELLE_VOIE);

    private static String file;
    private static SireneFileGenerator.Summary summary;
    private static List<Map<String, String>> rows;
    private static long malformedLines;
    private static Map<String, String> craftFamilies;

    @BeforeAll
    static void generate() throws IOException {
        StringWriter out = new StringWriter();
        summary = new SireneFileGenerator(2024, List.of(), Map.of()).write(out, ROWS);
        file = out.toString();
        rows = new ArrayList<>();
        try (SireneCsvReader reader = new SireneCsvReader(new ByteArrayInputStream(file.getBytes(UTF_8)))) {
            while (reader.next()) {
                if (!reader.wellFormed()) {
                    malformedLines++;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (String column : SireneColumns.STOCK_ETABLISSEMENT_48) {
                    row.put(column, reader.get(column));
                }
                rows.add(row);
            }
        }
        craftFamilies = new HashMap<>();
        ReferenceFiles.forEachRow("reference/craft-activities-naf.csv",
                row -> craftFamilies.put(row.getField("naf_code"), row.getField("craft_family")));
    }

    @Test
    void headerIsTheRealFortyEightColumnHeader() {
        assertEquals(48, SireneColumns.STOCK_ETABLISSEMENT_48.size());
        assertEquals(48, Set.copyOf(SireneColumns.STOCK_ETABLISSEMENT_48).size());
        assertEquals(REAL_HEADER, String.join(",", SireneColumns.STOCK_ETABLISSEMENT_48));
        assertEquals(REAL_HEADER, file.substring(0, file.indexOf('\n')));
    }

    @Test
    void everyRowParses() {
        assertEquals(ROWS, summary.rows());
        assertEquals(ROWS, rows.size() + malformedLines);
        assertTrue(malformedLines <= summary.malformed());
        assertEquals(ROWS + 1, file.lines().count());
    }

    @Test
    void sameSeedGivesTheSameBytes(@TempDir Path directory) throws IOException {
        StringWriter again = new StringWriter();
        new SireneFileGenerator(2024, List.of(), Map.of()).write(again, ROWS);
        assertEquals(file, again.toString());

        StringWriter otherSeed = new StringWriter();
        new SireneFileGenerator(2025, List.of(), Map.of()).write(otherSeed, 100);
        assertNotEquals(file.substring(0, 5_000), otherSeed.toString().substring(0, 5_000));

        Path first = directory.resolve("first.csv.gz");
        Path second = directory.resolve("second.csv.gz");
        new SireneFileGenerator(7, List.of(), Map.of()).write(first, 2_000);
        new SireneFileGenerator(7, List.of(), Map.of()).write(second, 2_000);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void gzipFilesAreWrittenWhenTheNameEndsInGz(@TempDir Path directory) throws IOException {
        Path gzipped = directory.resolve("stock.csv.gz");
        Path plain = directory.resolve("stock.csv");
        new SireneFileGenerator(9, List.of(), Map.of()).write(gzipped, 500);
        new SireneFileGenerator(9, List.of(), Map.of()).write(plain, 500);
        byte[] magic = Files.readAllBytes(gzipped);
        assertEquals(0x1f, magic[0] & 0xff);
        assertEquals(0x8b, magic[1] & 0xff);
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gzipped))) {
            assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes());
        }
    }

    @Test
    void summaryCountsAreRealistic() {
        assertEquals(ROWS, summary.craft() + summary.nonCraft());
        assertNear(0.60, summary.craft(), ROWS, 0.02);
        assertNear(0.05, summary.diffusionP(), ROWS, 0.01);
        assertNear(0.15, summary.closed(), ROWS, 0.015);
        assertTrue(summary.laPoste() >= 2 && summary.laPoste() <= 30, "La Poste rows: " + summary.laPoste());
        assertTrue(summary.malformed() >= 5 && summary.malformed() <= 50, "malformed rows: " + summary.malformed());
    }

    @Test
    void rowsMatchTheSummary() {
        long craft = rows.stream().filter(this::isCraft).count();
        long diffusionP = rows.stream().filter(row -> "P".equals(row.get(SireneColumns.STATUT_DIFFUSION))).count();
        long closed = rows.stream().filter(row -> "F".equals(row.get(SireneColumns.ETAT_ADMINISTRATIF))).count();
        long laPoste = rows.stream().filter(row -> Siret.LA_POSTE_SIREN.equals(row.get(SireneColumns.SIREN))).count();
        // Lines broken by an unterminated quote are not in `rows`.
        assertTrue(Math.abs(summary.craft() - craft) <= malformedLines);
        assertTrue(Math.abs(summary.diffusionP() - diffusionP) <= malformedLines);
        assertTrue(Math.abs(summary.closed() - closed) <= malformedLines);
        assertEquals(summary.laPoste(), laPoste);
    }

    @Test
    void craftRowsFollowTheFamiliesOfTheChamber() {
        List<Map<String, String>> craftRows = rows.stream().filter(this::isCraft).toList();
        Map<String, Long> families = new HashMap<>();
        craftRows.forEach(row -> families.merge(craftFamilies.get(activity(row)), 1L, Long::sum));
        assertNear(0.40, families.get("BATIMENT"), craftRows.size(), 0.03);
        assertNear(0.30, families.get("SERVICES"), craftRows.size(), 0.03);
        assertNear(0.15, families.get("FABRICATION"), craftRows.size(), 0.03);
        assertNear(0.15, families.get("ALIMENTATION"), craftRows.size(), 0.03);

        long withNafa = craftRows.stream().filter(row -> row.get(SireneColumns.ACTIVITE_RM) != null).count();
        assertNear(0.80, withNafa, craftRows.size(), 0.025);
        for (Map<String, String> row : craftRows) {
            String nafa = row.get(SireneColumns.ACTIVITE_RM);
            if (nafa != null) {
                assertEquals(activity(row).replace(".", ""), nafa.substring(0, 5));
                assertTrue(nafa.matches("\\d{4}[A-Z]{2}"), nafa);
            }
        }
        assertTrue(rows.stream().filter(row -> !isCraft(row))
                .allMatch(row -> row.get(SireneColumns.ACTIVITE_RM) == null));

        Set<String> activities = new HashSet<>();
        craftRows.forEach(row -> activities.add(activity(row)));
        assertTrue(activities.containsAll(List.of("23.41Z", "32.12Z", "16.29Z", "10.71C", "43.22A", "96.02A")));
    }

    @Test
    void craftEmployeeBandsAreThoseOfSmallBusinesses() {
        List<Map<String, String>> craftRows = rows.stream().filter(this::isCraft).toList();
        Map<String, Long> bands = new HashMap<>();
        craftRows.forEach(row -> bands.merge(row.get(SireneColumns.TRANCHE_EFFECTIFS), 1L, Long::sum));
        assertNear(0.72, bands.get("NN"), craftRows.size(), 0.02);
        assertNear(0.12, bands.get("00"), craftRows.size(), 0.015);
        assertNear(0.09, bands.get("01"), craftRows.size(), 0.015);
        assertNear(0.045, bands.get("02"), craftRows.size(), 0.01);
        assertNear(0.017, bands.get("03"), craftRows.size(), 0.006);
        assertNear(0.007, bands.get("11"), craftRows.size(), 0.004);
        for (Map<String, String> row : rows) {
            String band = row.get(SireneColumns.TRANCHE_EFFECTIFS);
            if (!band.equals("ZZ")) {
                String employer = band.equals("NN") || band.equals("00") ? "N" : "O";
                assertEquals(employer, row.get(SireneColumns.CARACTERE_EMPLOYEUR));
                assertEquals(band.equals("NN"), row.get(SireneColumns.ANNEE_EFFECTIFS) == null);
            }
        }
    }

    @Test
    void identifiersAreValidAndUnique() {
        Set<String> sirets = new HashSet<>();
        long invalidSirets = 0;
        long unknownBands = 0;
        long impossibleDates = 0;
        for (Map<String, String> row : rows) {
            String siret = row.get(SireneColumns.SIRET);
            assertTrue(sirets.add(siret), "duplicate SIRET " + siret);
            assertEquals(siret, row.get(SireneColumns.SIREN) + row.get(SireneColumns.NIC));
            assertTrue(Siret.isValidSiren(row.get(SireneColumns.SIREN)), siret);
            invalidSirets += Siret.isValidSiret(siret) ? 0 : 1;
            unknownBands += "ZZ".equals(row.get(SireneColumns.TRANCHE_EFFECTIFS)) ? 1 : 0;
            impossibleDates += "2021-13-45".equals(row.get(SireneColumns.DATE_CREATION)) ? 1 : 0;
        }
        // Each malformed row carries exactly one defect: every other SIRET is valid.
        assertTrue(invalidSirets > 0 && unknownBands > 0 && impossibleDates > 0 && malformedLines > 0);
        assertEquals(summary.malformed(), invalidSirets + unknownBands + impossibleDates + malformedLines);
    }

    @Test
    void laPosteRowsAreValidByTheSumOfTheirDigits() {
        List<Map<String, String>> laPoste = rows.stream()
                .filter(row -> Siret.LA_POSTE_SIREN.equals(row.get(SireneColumns.SIREN))).toList();
        assertTrue(!laPoste.isEmpty());
        for (Map<String, String> row : laPoste) {
            String siret = row.get(SireneColumns.SIRET);
            assertTrue(Siret.isValidSiret(siret), siret);
            assertEquals(0, siret.chars().map(c -> c - '0').sum() % 5, siret);
            assertEquals("53.10Z", activity(row));
        }
    }

    @Test
    void partiallyDiffusedRowsHideNamesAndAddresses() {
        for (Map<String, String> row : rows) {
            boolean protectedRow = "P".equals(row.get(SireneColumns.STATUT_DIFFUSION));
            for (String field : PROTECTED_FIELDS) {
                if (protectedRow) {
                    assertEquals(SireneColumns.NOT_DIFFUSED, row.get(field), field);
                } else {
                    assertNotEquals(SireneColumns.NOT_DIFFUSED, row.get(field), field);
                }
            }
            if (protectedRow) {
                // The commune stays public: statistics by territory still count these establishments.
                assertTrue(row.get(SireneColumns.CODE_COMMUNE) != null);
            }
        }
    }

    @Test
    void otherFieldsLookLikeSirene() {
        long headOffices = rows.stream().filter(row -> "true".equals(row.get(SireneColumns.SIEGE))).count();
        assertNear(0.85, headOffices, rows.size(), 0.02);
        long recent = 0;
        long old = 0;
        long withTradeName = 0;
        for (Map<String, String> row : rows) {
            assertEquals("NAFRev2", row.get(SireneColumns.NOMENCLATURE_ACTIVITE));
            String commune = row.get(SireneColumns.CODE_COMMUNE);
            String department = commune.startsWith("97") ? commune.substring(0, 3)
                    : commune.startsWith("2A") || commune.startsWith("2B") ? "20" : commune.substring(0, 2);
            String postalCode = row.get(SireneColumns.CODE_POSTAL);
            assertTrue(postalCode.matches("\\d{5}") && postalCode.startsWith(department), postalCode);
            assertTrue(row.get(SireneColumns.LIBELLE_COMMUNE).matches("[A-Z0-9 '()\\-]+"),
                    row.get(SireneColumns.LIBELLE_COMMUNE));
            String created = row.get(SireneColumns.DATE_CREATION);
            if (!created.equals("2021-13-45")) {
                LocalDate date = LocalDate.parse(created);
                assertTrue(!date.isBefore(LocalDate.of(1970, 1, 1)) && !date.isAfter(LocalDate.of(2025, 12, 31)));
                recent += date.getYear() >= 2015 ? 1 : 0;
                old += date.getYear() < 1990 ? 1 : 0;
                assertTrue(!LocalDate.parse(row.get(SireneColumns.DATE_DEBUT)).isBefore(date));
            }
            assertTrue(row.get(SireneColumns.ETAT_ADMINISTRATIF).matches("[AF]"));
            withTradeName += row.get(SireneColumns.ENSEIGNE_1) != null ? 1 : 0;
        }
        assertTrue(recent > 2 * old, "creation dates should lean towards recent years");
        assertTrue(withTradeName > rows.size() / 3);
        assertTrue(rows.stream().map(row -> row.get(SireneColumns.ENSEIGNE_1)).anyMatch("BOULANGERIE MARTIN"::equals)
                || rows.stream().map(row -> row.get(SireneColumns.ENSEIGNE_1))
                        .anyMatch(name -> name != null && name.startsWith("BOULANGERIE ")));
    }

    @Test
    void territoryCommunesLimitWhereEstablishmentsAre() throws IOException {
        StringWriter out = new StringWriter();
        new SireneFileGenerator(1, List.of("13005", "26362"), Map.of("13005", "Aubagne")).write(out, 300);
        try (SireneCsvReader reader = new SireneCsvReader(new ByteArrayInputStream(out.toString().getBytes(UTF_8)))) {
            Set<String> labels = new HashSet<>();
            while (reader.next()) {
                String commune = reader.get(SireneColumns.CODE_COMMUNE);
                assertTrue(Set.of("13005", "26362").contains(commune), commune);
                assertTrue(reader.get(SireneColumns.CODE_POSTAL).startsWith(commune.substring(0, 2)));
                labels.add(reader.get(SireneColumns.LIBELLE_COMMUNE));
            }
            // Valence is named from the 2020 EPCI file.
            assertEquals(Set.of("AUBAGNE", "VALENCE"), labels);
        }
    }

    @Test
    void commandLineWritesTheFileOfATerritory(@TempDir Path directory) throws Exception {
        Path territory = directory.resolve("territory.csv");
        Files.writeString(territory, """
                territory,insee_commune,commune
                aubagne,13005,Aubagne
                aubagne,13007,"Auriol, Bouches-du-Rhône"
                valence,26362,Valence
                """);
        Path out = directory.resolve("territory.csv.gz");
        GenerateSireneFile.main(new String[] {"--rows", "400", "--seed", "5", "--out", out.toString(),
                "--territory-communes", territory.toString()});
        Map<String, String> territoryCommunes = TerritoryCommunes.parse(territory.toString());
        assertEquals(List.of("13005", "13007", "26362"), List.copyOf(territoryCommunes.keySet()));
        assertEquals("Auriol, Bouches-du-Rhône", territoryCommunes.get("13007"));
        try (SireneCsvReader reader = new SireneCsvReader(Files.newInputStream(out))) {
            int count = 0;
            while (reader.next()) {
                count++;
                assertTrue(territoryCommunes.containsKey(reader.get(SireneColumns.CODE_COMMUNE)));
            }
            assertEquals(400, count);
        }
        assertEquals(List.of("13005", "26362"), List.copyOf(TerritoryCommunes.parse("13005, 26362").keySet()));
        assertNull(TerritoryCommunes.parse("13005").get("13005"));
    }

    @Test
    void weightingByPopulationRepeatsACommuneOncePerThousandInhabitantsInCodeOrder() {
        // 2020 populations in epcicom2020.csv: Valence 65,028, Aubagne 46,621; the given order does not matter.
        List<String> weighted = Communes.weightedByPopulation(List.of("26362", "13005", "26362"));
        assertEquals(65 + 46, weighted.size());
        assertEquals(46, weighted.stream().filter("13005"::equals).count());
        assertEquals("13005", weighted.getFirst());
        assertEquals("26362", weighted.getLast());
        // A commune unknown to the file still gets its row share.
        assertEquals(List.of("99999"), Communes.weightedByPopulation(List.of("99999")));
    }

    @Test
    void theWeightedCommandLineFileDependsOnlyOnTheCommunesNotOnTheirOrder(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");
        GenerateSireneFile.main(new String[] {"--rows", "300", "--seed", "11", "--out", first.toString(),
                "--territory-communes", "13005,26362", "--weight-by-population"});
        GenerateSireneFile.main(new String[] {"--rows", "300", "--seed", "11", "--out", second.toString(),
                "--territory-communes", "26362,13005", "--weight-by-population"});
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    private boolean isCraft(Map<String, String> row) {
        return craftFamilies.containsKey(activity(row));
    }

    private static String activity(Map<String, String> row) {
        return row.get(SireneColumns.ACTIVITE_PRINCIPALE);
    }

    private static void assertNear(double expectedShare, long count, long total, double tolerance) {
        double share = (double) count / total;
        assertTrue(Math.abs(share - expectedShare) <= tolerance,
                "share " + share + " expected " + expectedShare + " ± " + tolerance);
    }
}
