package fr.artisanat.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import fr.artisanat.platform.csv.Csv;
import fr.artisanat.registry.sirene.SireneColumns;
import fr.artisanat.registry.sirene.Siret;

/** Small SIRENE StockEtablissement files written by tests, in the 48-column layout or in a newer one. */
public final class SireneFile {

    /** The newer layout: the 48 columns in another order, plus columns the 2023 file added. */
    public static final List<String> NEWER_LAYOUT;

    static {
        List<String> newer = new ArrayList<>(SireneColumns.STOCK_ETABLISSEMENT_48);
        java.util.Collections.reverse(newer);
        newer.add(3, "identifiantAdresseEtablissement");
        newer.add("coordonneeLambertAbscisseEtablissement");
        newer.add("activitePrincipaleNAF25Etablissement");
        NEWER_LAYOUT = List.copyOf(newer);
    }

    private static final AtomicLong NEXT_SIREN = new AtomicLong(System.nanoTime() % 10_000_000);

    private final List<String> header;
    private final List<String> lines = new ArrayList<>();

    public SireneFile(List<String> header) {
        this.header = header;
    }

    public static SireneFile layout48() {
        return new SireneFile(SireneColumns.STOCK_ETABLISSEMENT_48);
    }

    /** A fresh, valid SIRET (Luhn-valid SIREN and SIRET), unique in the test run. */
    public static String newSiret() {
        String siren8 = String.format("%08d", NEXT_SIREN.incrementAndGet() % 100_000_000);
        String siren = siren8 + luhnDigit(siren8);
        return Siret.withLuhnCheckDigit(siren + "0001");
    }

    private static int luhnDigit(String body) {
        for (int d = 0; d < 10; d++) {
            if (Siret.isValidSiren(body + d)) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    /** A diffusible, active craft establishment; override any column with {@code changes}. */
    public static Map<String, String> craft(String siret, String commune, String naf, String name, Map<String, String> changes) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("siren", siret.substring(0, 9));
        row.put("nic", siret.substring(9));
        row.put("siret", siret);
        row.put("statutDiffusionEtablissement", "O");
        row.put("dateCreationEtablissement", "2012-05-14");
        row.put("trancheEffectifsEtablissement", "01");
        row.put("anneeEffectifsEtablissement", "2022");
        row.put("activitePrincipaleRegistreMetiersEtablissement", naf.replace(".", "") + "Z");
        row.put("etablissementSiege", "true");
        row.put("numeroVoieEtablissement", "12");
        row.put("typeVoieEtablissement", "RUE");
        row.put("libelleVoieEtablissement", "DES POTIERS");
        row.put("codePostalEtablissement", "26100");
        row.put("libelleCommuneEtablissement", "ROMANS-SUR-ISERE");
        row.put("codeCommuneEtablissement", commune);
        row.put("dateDebut", "2012-05-14");
        row.put("etatAdministratifEtablissement", "A");
        row.put("enseigne1Etablissement", name);
        row.put("denominationUsuelleEtablissement", name);
        row.put("activitePrincipaleEtablissement", naf);
        row.put("nomenclatureActivitePrincipaleEtablissement", "NAFRev2");
        row.put("caractereEmployeurEtablissement", "O");
        row.putAll(changes);
        return row;
    }

    public SireneFile row(Map<String, String> values) {
        List<String> fields = header.stream().map(column -> values.getOrDefault(column, "")).toList();
        lines.add(Csv.record(fields).replace("\r\n", "\n"));
        return this;
    }

    /** A line as is, e.g. a malformed one. */
    public SireneFile raw(String line) {
        lines.add(line + "\n");
        return this;
    }

    public byte[] bytes() {
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        lines.forEach(text::append);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] gzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes());
        }
        return out.toByteArray();
    }
}
