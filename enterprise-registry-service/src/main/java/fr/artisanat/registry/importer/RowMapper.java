package fr.artisanat.registry.importer;

import static fr.artisanat.registry.sirene.SireneColumns.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import fr.artisanat.registry.sirene.CommuneCode;
import fr.artisanat.registry.sirene.SireneCsvReader;
import fr.artisanat.registry.sirene.Siret;

/**
 * Decides what happens to one SIRENE row: rejected (invalid SIRET or unusable values, with the reason), skipped
 * (not a craft activity, or outside the tracked territories), or staged.
 */
final class RowMapper {

    static final String OTHER_FAMILY = "AUTRE";
    private static final String PROTECTED = "[ND]";

    sealed interface Outcome permits Staged, Skipped, Rejected {
    }

    record Staged(StagedRow row) implements Outcome {
    }

    record Skipped() implements Outcome {
    }

    record Rejected(String siret, String reason) implements Outcome {
    }

    private static final Skipped SKIPPED = new Skipped();

    private final Set<String> trackedCommunes;
    private final Map<String, String> craftFamilies;
    private final Set<String> bands;

    /**
     * @param trackedCommunes INSEE codes of the tracked territories
     * @param craftFamilies   NAF rév. 2 code → craft family, for craft activities only
     * @param bands           known employee band codes
     */
    RowMapper(Set<String> trackedCommunes, Map<String, String> craftFamilies, Set<String> bands) {
        this.trackedCommunes = trackedCommunes;
        this.craftFamilies = craftFamilies;
        this.bands = bands;
    }

    Outcome map(SireneCsvReader r) {
        if (!r.wellFormed()) {
            return new Rejected(null, "malformed line: unterminated quote or wrong number of fields");
        }
        String siret = r.get(SIRET);
        if (siret == null || !Siret.isValidSiret(siret)) {
            return new Rejected(siret, "invalid SIRET " + siret + " (check digit)");
        }
        String siren = r.get(SIREN);
        String nic = r.get(NIC);
        if (siren == null || nic == null || siren.length() + nic.length() != siret.length() || !siret.startsWith(siren)
                || !siret.endsWith(nic)) {
            return new Rejected(siret, "SIRET does not match siren + nic");
        }
        String naf = r.getShared(ACTIVITE_PRINCIPALE);
        String nomenclature = r.getShared(NOMENCLATURE_ACTIVITE);
        String nafa = r.getShared(ACTIVITE_RM);
        String family = craftFamily(naf, nomenclature, nafa);
        if (family == null) {
            return SKIPPED;
        }
        String commune = r.get(CODE_COMMUNE);
        if (commune == null && r.get(CODE_PAYS_ETRANGER) != null) {
            return SKIPPED; // abroad: in no territory
        }
        // before the territory filter: a craft row must not be lost silently because its commune cannot be read
        if (!CommuneCode.isValid(commune)) {
            return new Rejected(siret, "unusable codeCommuneEtablissement " + commune);
        }
        if (!trackedCommunes.contains(commune)) {
            return SKIPPED;
        }
        return stage(r, siret, siren, nic, commune, naf, nomenclature, nafa, family);
    }

    /** Craft when the NAF rév. 2 code is a craft activity, or when the chamber gave a NAFA code. */
    private String craftFamily(String naf, String nomenclature, String nafa) {
        boolean rev2 = nomenclature == null || nomenclature.equals("NAFRev2");
        if (rev2 && naf != null && craftFamilies.containsKey(naf)) {
            return craftFamilies.get(naf);
        }
        if (nafa == null) {
            return null;
        }
        String nafOfNafa = nafa.length() >= 5 ? nafa.substring(0, 2) + "." + nafa.substring(2, 5) : "";
        return craftFamilies.getOrDefault(nafOfNafa, OTHER_FAMILY);
    }

    private Outcome stage(SireneCsvReader r, String siret, String siren, String nic, String commune, String naf,
            String nomenclature, String nafa, String family) {
        String diffusion = r.getShared(STATUT_DIFFUSION);
        if (!"O".equals(diffusion) && !"P".equals(diffusion)) {
            return new Rejected(siret, "unknown statutDiffusionEtablissement " + diffusion);
        }
        String state = r.getShared(ETAT_ADMINISTRATIF);
        if (!"A".equals(state) && !"F".equals(state)) {
            return new Rejected(siret, "unknown etatAdministratifEtablissement " + state);
        }
        String band = r.getShared(TRANCHE_EFFECTIFS);
        if (band != null && !bands.contains(band)) {
            return new Rejected(siret, "unknown trancheEffectifsEtablissement " + band);
        }
        if (naf == null || naf.length() > 6) {
            return new Rejected(siret, "unusable activitePrincipaleEtablissement " + naf);
        }
        LocalDate created;
        LocalDate since;
        Integer bandYear;
        try {
            created = date(r.get(DATE_CREATION));
            since = date(r.get(DATE_DEBUT));
            String year = r.getShared(ANNEE_EFFECTIFS);
            bandYear = year == null ? null : Integer.valueOf(year);
        } catch (DateTimeParseException | NumberFormatException e) {
            return new Rejected(siret, "unusable date or year: " + e.getMessage());
        }
        boolean open = "O".equals(diffusion);
        boolean active = "A".equals(state);
        return new Staged(new StagedRow(siret, siren, nic, diffusion,
                open ? visible(r.get(DENOMINATION_USUELLE)) : null,
                open ? visible(r.get(ENSEIGNE_1)) : null, open ? visible(r.get(ENSEIGNE_2)) : null,
                open ? visible(r.get(ENSEIGNE_3)) : null,
                open ? visible(r.get(NUMERO_VOIE)) : null, open ? visible(r.getShared(TYPE_VOIE)) : null,
                open ? visible(r.get(LIBELLE_VOIE)) : null, open ? visible(r.get(COMPLEMENT_ADRESSE)) : null,
                open ? visible(r.get(CODE_POSTAL)) : null, commune, open ? visible(r.get(LIBELLE_COMMUNE)) : null,
                naf, nomenclature, nafa, family, band, bandYear, created, active ? null : since,
                "true".equals(r.getShared(SIEGE)), "O".equals(r.getShared(CARACTERE_EMPLOYEUR)), active));
    }

    private static String visible(String value) {
        return value == null || PROTECTED.equals(value) ? null : value;
    }

    /**
     * An ISO date: the usual form {@code yyyy-MM-dd} read directly (the general date-time parser is one of the costly
     * steps of reading a row, done twice per row), anything else, or an invalid date, through the parser, for the same
     * result and the same message.
     */
    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(value);
    }

    /** The number the characters from {@code from} to {@code to} spell, or -1 when one is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + c - '0';
        }
        return number;
    }
}
