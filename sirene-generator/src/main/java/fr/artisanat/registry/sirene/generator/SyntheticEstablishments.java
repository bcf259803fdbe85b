package fr.artisanat.registry.sirene.generator;

import static fr.artisanat.registry.sirene.SireneColumns.NOT_DIFFUSED;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import fr.artisanat.registry.sirene.SireneColumns;

/** Makes the rows of a synthetic StockEtablissement file, in the 48-column layout, with SIRENE's proportions. */
final class SyntheticEstablishments {

    /** A deliberate defect, so that importers meet the faults of real files. */
    enum Defect {
        NONE, BAD_CHECK_DIGIT, UNKNOWN_BAND, UNTERMINATED_QUOTE, IMPOSSIBLE_DATE
    }

    /** One row; {@code verbatimColumn} is written without CSV quoting (-1 for none) to produce a broken line. */
    record Row(String[] values, boolean craft, boolean laPoste, Defect defect, int verbatimColumn) {

        boolean partiallyDiffused() {
            return "P".equals(values[STATUT_DIFFUSION]);
        }

        boolean closed() {
            return "F".equals(values[ETAT_ADMINISTRATIF]);
        }
    }

    static final int COLUMNS = SireneColumns.STOCK_ETABLISSEMENT_48.size();

    private static final int SIREN = column(SireneColumns.SIREN);
    private static final int NIC = column(SireneColumns.NIC);
    private static final int SIRET = column(SireneColumns.SIRET);
    private static final int STATUT_DIFFUSION = column(SireneColumns.STATUT_DIFFUSION);
    private static final int DATE_CREATION = column(SireneColumns.DATE_CREATION);
    private static final int TRANCHE_EFFECTIFS = column(SireneColumns.TRANCHE_EFFECTIFS);
    private static final int ANNEE_EFFECTIFS = column(SireneColumns.ANNEE_EFFECTIFS);
    private static final int ACTIVITE_RM = column(SireneColumns.ACTIVITE_RM);
    private static final int DATE_DERNIER_TRAITEMENT = column(SireneColumns.DATE_DERNIER_TRAITEMENT);
    private static final int SIEGE = column(SireneColumns.SIEGE);
    private static final int NOMBRE_PERIODES = column(SireneColumns.NOMBRE_PERIODES);
    private static final int COMPLEMENT_ADRESSE = column(SireneColumns.COMPLEMENT_ADRESSE);
    private static final int NUMERO_VOIE = column(SireneColumns.NUMERO_VOIE);
    private static final int INDICE_REPETITION = column(SireneColumns.INDICE_REPETITION);
    private static final int TYPE_VOIE = column(SireneColumns.TYPE_VOIE);
    private static final int LIBELLE_VOIE = column(SireneColumns.LIBELLE_VOIE);
    private static final int CODE_POSTAL = column(SireneColumns.CODE_POSTAL);
    private static final int LIBELLE_COMMUNE = column(SireneColumns.LIBELLE_COMMUNE);
    private static final int CODE_COMMUNE = column(SireneColumns.CODE_COMMUNE);
    private static final int DATE_DEBUT = column(SireneColumns.DATE_DEBUT);
    private static final int ETAT_ADMINISTRATIF = column(SireneColumns.ETAT_ADMINISTRATIF);
    private static final int ENSEIGNE_1 = column(SireneColumns.ENSEIGNE_1);
    private static final int ENSEIGNE_2 = column(SireneColumns.ENSEIGNE_2);
    private static final int ENSEIGNE_3 = column(SireneColumns.ENSEIGNE_3);
    private static final int DENOMINATION_USUELLE = column(SireneColumns.DENOMINATION_USUELLE);
    private static final int ACTIVITE_PRINCIPALE = column(SireneColumns.ACTIVITE_PRINCIPALE);
    private static final int NOMENCLATURE_ACTIVITE = column(SireneColumns.NOMENCLATURE_ACTIVITE);
    private static final int CARACTERE_EMPLOYEUR = column(SireneColumns.CARACTERE_EMPLOYEUR);

    /** Fields INSEE replaces with [ND] for establishments of people who opposed the use of their data. */
    private static final List<Integer> PROTECTED_FIELDS = List.of(ENSEIGNE_1, ENSEIGNE_2, ENSEIGNE_3,
            DENOMINATION_USUELLE, COMPLEMENT_ADRESSE, NUMERO_VOIE, INDICE_REPETITION, TYPE_VOIE, LIBELLE_VOIE);

    private static final double CRAFT_SHARE = 0.60;
    private static final double LA_POSTE_SHARE = 0.0005;
    private static final double MALFORMED_SHARE = 0.001;
    private static final double SECONDARY_ESTABLISHMENT_SHARE = 0.15;
    private static final double PARTIAL_DIFFUSION_SHARE = 0.05;
    private static final double CLOSED_SHARE = 0.15;
    private static final double NAFA_SHARE = 0.80;

    private static final String LA_POSTE_NAF = "53.10Z";
    private static final LocalDate STOCK_DATE = LocalDate.of(2025, 12, 31);
    private static final int FIRST_CREATION_YEAR = 1970;
    private static final int LATEST_HEADCOUNT_YEAR = 2023;

    /** Most craft establishments have no employee: about 1.6 jobs each, as in Valence Romans (7,000 for 12,000 jobs). */
    private static final WeightedChoice<String> CRAFT_BANDS = new WeightedChoice.Builder<String>().add("NN", 72)
            .add("00", 12).add("01", 9).add("02", 4.5).add("03", 1.7).add("11", 0.7).add("12", 0.1).build();
    private static final WeightedChoice<String> OTHER_BANDS = new WeightedChoice.Builder<String>().add("NN", 50)
            .add("00", 8).add("01", 15).add("02", 10).add("03", 6).add("11", 5).add("12", 3.5).add("21", 1.2)
            .add("22", 0.6).add("31", 0.2).add("32", 0.2).add("41", 0.1).add("42", 0.1).add("51", 0.05)
            .add("52", 0.03).add("53", 0.02).build();

    private final Random random;
    private final NafCodes nafCodes;
    private final Communes communes;
    private final SiretSequence sirets;

    SyntheticEstablishments(Random random, NafCodes nafCodes, Communes communes) {
        this.random = random;
        this.nafCodes = nafCodes;
        this.communes = communes;
        this.sirets = new SiretSequence(random.nextLong());
    }

    Row next() {
        String[] values = new String[COLUMNS];
        String laPosteSiret = random.nextDouble() < LA_POSTE_SHARE ? sirets.nextLaPosteEstablishment() : null;
        boolean laPoste = laPosteSiret != null;
        boolean craft = !laPoste && random.nextDouble() < CRAFT_SHARE;

        identify(values, laPosteSiret);
        String craftFamily = craft ? nafCodes.pickCraftFamily(random) : null;
        String naf = laPoste ? LA_POSTE_NAF
                : craft ? nafCodes.pickCraftCode(craftFamily, random) : nafCodes.pickNonCraftCode(random);
        values[ACTIVITE_PRINCIPALE] = naf;
        values[NOMENCLATURE_ACTIVITE] = "NAFRev2";
        if (craft && random.nextDouble() < NAFA_SHARE) {
            values[ACTIVITE_RM] = nafa(naf);
        }
        values[STATUT_DIFFUSION] = !laPoste && random.nextDouble() < PARTIAL_DIFFUSION_SHARE ? "P" : "O";
        LocalDate created = creationDate();
        values[DATE_CREATION] = created.toString();
        headcount(values, craft, created.getYear());
        history(values, created);
        int commune = communes.pick(random);
        values[CODE_COMMUNE] = communes.code(commune);
        values[LIBELLE_COMMUNE] = communes.label(commune);
        values[CODE_POSTAL] = communes.postalCode(commune);
        if (laPoste) {
            values[ENSEIGNE_1] = ("LA POSTE " + communes.label(commune)).trim();
        } else {
            names(values, naf, craftFamily);
        }
        address(values);
        if ("P".equals(values[STATUT_DIFFUSION])) {
            PROTECTED_FIELDS.forEach(field -> values[field] = NOT_DIFFUSED);
        }
        Defect defect = !laPoste && random.nextDouble() < MALFORMED_SHARE
                ? Defect.values()[1 + random.nextInt(Defect.values().length - 1)]
                : Defect.NONE;
        return new Row(values, craft, laPoste, defect, damage(values, defect));
    }

    private void identify(String[] values, String laPosteSiret) {
        String siret;
        if (laPosteSiret != null) {
            siret = laPosteSiret;
            values[SIEGE] = "false";
        } else if (sirets.canAddEstablishment() && random.nextDouble() < SECONDARY_ESTABLISHMENT_SHARE) {
            siret = sirets.nextEstablishment();
            values[SIEGE] = "false";
        } else {
            siret = sirets.newEnterprise();
            values[SIEGE] = "true";
        }
        values[SIRET] = siret;
        values[SIREN] = siret.substring(0, 9);
        values[NIC] = siret.substring(9);
    }

    /** NAFA: the NAF sub-class without its dot plus one letter, most often Z (no finer craft distinction). */
    private String nafa(String naf) {
        char letter = random.nextDouble() < 0.6 ? 'Z' : (char) ('A' + random.nextInt(26));
        return naf.substring(0, 2) + naf.substring(3) + letter;
    }

    /** Creation dates from 1970 to 2025, most of them recent as in the register (micro-enterprise boom). */
    private LocalDate creationDate() {
        double u = random.nextDouble();
        int yearsBack = (int) ((STOCK_DATE.getYear() - FIRST_CREATION_YEAR + 1) * u * u);
        int year = STOCK_DATE.getYear() - yearsBack;
        return LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    }

    private void headcount(String[] values, boolean craft, int creationYear) {
        String band = (craft ? CRAFT_BANDS : OTHER_BANDS).pick(random);
        values[TRANCHE_EFFECTIFS] = band;
        if (!band.equals("NN")) {
            values[ANNEE_EFFECTIFS] = Integer.toString(Math.max(creationYear, LATEST_HEADCOUNT_YEAR));
        }
        values[CARACTERE_EMPLOYEUR] = band.equals("NN") || band.equals("00") ? "N" : "O";
    }

    /** State and periods: a closed establishment has at least its opening and its closing period. */
    private void history(String[] values, LocalDate created) {
        boolean closed = random.nextDouble() < CLOSED_SHARE;
        values[ETAT_ADMINISTRATIF] = closed ? "F" : "A";
        double u = random.nextDouble();
        int periods = closed ? (u < 0.7 ? 2 : 3) : (u < 0.75 ? 1 : u < 0.93 ? 2 : 3);
        values[NOMBRE_PERIODES] = Integer.toString(periods);
        LocalDate periodStart = periods == 1 ? created : dateBetween(created, STOCK_DATE);
        values[DATE_DEBUT] = periodStart.toString();
        LocalDate processed = dateBetween(periodStart, STOCK_DATE);
        values[DATE_DERNIER_TRAITEMENT] = processed + "T" + SiretSequence.zeroPadded(random.nextInt(24), 2) + ":"
                + SiretSequence.zeroPadded(random.nextInt(60), 2) + ":" + SiretSequence.zeroPadded(random.nextInt(60), 2);
    }

    private void names(String[] values, String naf, String craftFamily) {
        if (random.nextDouble() < 0.45) {
            values[ENSEIGNE_1] = FrenchLabels.tradeName(random, naf, craftFamily);
            if (random.nextDouble() < 0.03) {
                values[ENSEIGNE_2] = FrenchLabels.tradeName(random, naf, craftFamily);
            }
        }
        if (random.nextDouble() < 0.15) {
            values[DENOMINATION_USUELLE] = FrenchLabels.tradeName(random, naf, craftFamily);
        }
    }

    private void address(String[] values) {
        if (random.nextDouble() < 0.12) {
            values[COMPLEMENT_ADRESSE] = FrenchLabels.addressComplement(random);
        }
        if (random.nextDouble() < 0.05) {
            values[TYPE_VOIE] = "LD";
            values[LIBELLE_VOIE] = FrenchLabels.locality(random);
            return;
        }
        if (random.nextDouble() < 0.85) {
            // Small street numbers are the most frequent.
            double u = random.nextDouble();
            values[NUMERO_VOIE] = Integer.toString(1 + (int) (250 * u * u));
            if (random.nextDouble() < 0.04) {
                values[INDICE_REPETITION] = random.nextDouble() < 0.8 ? "B" : "T";
            }
        }
        values[TYPE_VOIE] = FrenchLabels.streetType(random);
        values[LIBELLE_VOIE] = FrenchLabels.streetName(random);
    }

    /** Applies the defect and returns the column to write verbatim, or -1. */
    private int damage(String[] values, Defect defect) {
        switch (defect) {
            case BAD_CHECK_DIGIT -> {
                String siret = values[SIRET];
                char key = (char) ('0' + (siret.charAt(13) - '0' + 1 + random.nextInt(9)) % 10);
                values[SIRET] = siret.substring(0, 13) + key;
                values[NIC] = values[SIRET].substring(9);
            }
            case UNKNOWN_BAND -> values[TRANCHE_EFFECTIFS] = "ZZ";
            case IMPOSSIBLE_DATE -> values[DATE_CREATION] = "2021-13-45";
            case UNTERMINATED_QUOTE -> {
                String name = values[ENSEIGNE_1] != null ? values[ENSEIGNE_1] : "ENSEIGNE SANS FIN";
                values[ENSEIGNE_1] = "\"" + name;
                return ENSEIGNE_1;
            }
            case NONE -> {
            }
        }
        return -1;
    }

    private LocalDate dateBetween(LocalDate first, LocalDate last) {
        long days = last.toEpochDay() - first.toEpochDay();
        return days <= 0 ? first : first.plusDays(random.nextInt((int) days + 1));
    }

    private static int column(String name) {
        return SireneColumns.STOCK_ETABLISSEMENT_48.indexOf(name);
    }
}
