package fr.artisanat.registry.sirene.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** French-looking trade names and addresses, in the capitals SIRENE uses. */
final class FrenchLabels {

    private static final List<String> SURNAMES = List.of("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD",
            "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID",
            "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU",
            "VINCENT", "MULLER", "FAURE", "ANDRE", "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER",
            "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY",
            "MATHIEU", "MASSON", "BARBIER", "ARNAUD", "GIRAUD", "BRUN", "REY", "ROCHE", "FABRE", "OLIVIER", "MARCHAND",
            "AUBERT", "CHABERT", "MOUTTE", "ESPITALIER", "BOUVIER", "FAURIE", "SERRE", "PONCET");

    private static final List<String> PLACES = List.of("DU CENTRE", "DE LA GARE", "DU PORT", "DU MARCHE", "DU VALLON",
            "DU MOULIN", "DU PONT", "DU VIEUX BOURG", "DES COLLINES", "DE LA PLACE", "DES OLIVIERS", "DU PLATEAU",
            "DE PROVENCE", "DU CHATEAU");

    private static final List<String> NON_CRAFT_WORDS = List.of("CABINET", "AGENCE", "SOCIETE", "ETS", "COMPTOIR",
            "CAFE", "RESTAURANT", "BOUTIQUE", "PHARMACIE", "CONSEIL");

    private static final Map<String, String> CRAFT_FAMILY_WORDS = Map.of(NafCodes.ALIMENTATION, "MAISON",
            NafCodes.BATIMENT, "BATIMENT", NafCodes.FABRICATION, "ATELIER", NafCodes.SERVICES, "SERVICES");

    private static final Map<String, String> TRADE_WORDS = tradeWords();

    private static final List<String> STREET_NAMES = List.of("DE LA REPUBLIQUE", "JEAN JAURES", "VICTOR HUGO",
            "DE LA GARE", "DU GENERAL DE GAULLE", "PASTEUR", "DES ECOLES", "DU MOULIN", "DE L'EGLISE", "GAMBETTA",
            "DE LA LIBERATION", "DES LILAS", "DU STADE", "DE LA MAIRIE", "JULES FERRY", "DE PARIS", "NATIONALE",
            "DU 8 MAI 1945", "DU 11 NOVEMBRE", "DES PINS", "DES TILLEULS", "DE LA FONTAINE", "DU CHATEAU",
            "DES JARDINS", "ANATOLE FRANCE", "EMILE ZOLA", "DE LA PAIX", "DES ARTISANS", "DE L'INDUSTRIE",
            "DES VIGNES", "DU LAVOIR", "FREDERIC MISTRAL", "MARCEL PAGNOL", "DES PALUDS", "DU COMMERCE",
            "ALPHONSE DAUDET", "DES CERISIERS", "DU MIDI", "LOUIS PASTEUR", "DES AUBEPINES");

    private static final List<String> LOCALITIES = List.of("LES GRANGES", "LA BASTIDE", "LE PLAN", "LES BLACHES",
            "LA COMBE", "LES CLAUX", "LE MAS NEUF", "LES CHAMPS");

    private static final List<String> ADDRESS_COMPLEMENTS = List.of("ZA DES PALUDS", "ZI LES BLACHES", "BATIMENT B",
            "RESIDENCE LES PINS", "LOT 12", "ZAC DE LA GARE", "CENTRE COMMERCIAL LE GRAND VAL", "ZA LES GRANGES",
            "BATIMENT C, 2EME ETAGE", "PARC D'ACTIVITES, LOT 7");

    private static final WeightedChoice<String> STREET_TYPES = new WeightedChoice.Builder<String>().add("RUE", 48)
            .add("AV", 14).add("CHE", 10).add("RTE", 8).add("BD", 5).add("PL", 4).add("ALL", 4).add("IMP", 4)
            .add("QUA", 2).add("CRS", 1).build();

    private FrenchLabels() {
    }

    /** A trade name for the activity: its trade ("BOULANGERIE MARTIN"), a place, or a family business. */
    static String tradeName(Random random, String nafCode, String craftFamily) {
        String word = tradeWord(random, nafCode, craftFamily);
        double style = random.nextDouble();
        if (style < 0.55) {
            return word + " " + pick(random, SURNAMES);
        }
        if (style < 0.80) {
            return word + " " + pick(random, PLACES);
        }
        if (style < 0.95) {
            return pick(random, SURNAMES) + " ET FILS";
        }
        if (style < 0.98) {
            return pick(random, SURNAMES) + " " + pick(random, SURNAMES);
        }
        // Names with commas and quotes exist in SIRENE and must survive CSV quoting.
        return random.nextBoolean() ? pick(random, SURNAMES) + ", " + pick(random, SURNAMES) + " ET ASSOCIES"
                : word + " \"LE " + pick(random, SURNAMES) + "\"";
    }

    static String streetType(Random random) {
        return STREET_TYPES.pick(random);
    }

    static String streetName(Random random) {
        return pick(random, STREET_NAMES);
    }

    /** A locality (lieu-dit) given as the street of rural addresses. */
    static String locality(Random random) {
        return pick(random, LOCALITIES);
    }

    static String addressComplement(Random random) {
        return pick(random, ADDRESS_COMPLEMENTS);
    }

    private static String tradeWord(Random random, String nafCode, String craftFamily) {
        String trade = TRADE_WORDS.get(nafCode);
        if (trade != null) {
            return trade;
        }
        return craftFamily == null ? pick(random, NON_CRAFT_WORDS) : CRAFT_FAMILY_WORDS.get(craftFamily);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> tradeWords() {
        Map<String, String> words = new HashMap<>();
        words.put("10.71C", "BOULANGERIE");
        words.put("10.71D", "PATISSERIE");
        words.put("10.13B", "CHARCUTERIE");
        words.put("47.22Z", "BOUCHERIE");
        words.put("47.23Z", "POISSONNERIE");
        words.put("10.82Z", "CHOCOLATERIE");
        words.put("10.52Z", "GLACIER");
        words.put("11.05Z", "BRASSERIE");
        words.put("56.10C", "SNACK");
        words.put("10.51C", "FROMAGERIE");
        words.put("10.85Z", "TRAITEUR");
        words.put("43.22A", "PLOMBERIE");
        words.put("43.22B", "CHAUFFAGE CLIMATISATION");
        words.put("43.21A", "ELECTRICITE");
        words.put("43.32A", "MENUISERIE");
        words.put("43.32B", "SERRURERIE");
        words.put("43.34Z", "PEINTURE");
        words.put("43.99C", "MACONNERIE");
        words.put("43.91B", "COUVERTURE");
        words.put("43.91A", "CHARPENTE");
        words.put("43.31Z", "PLATRERIE");
        words.put("43.33Z", "CARRELAGE");
        words.put("43.12A", "TERRASSEMENT");
        words.put("41.20A", "CONSTRUCTIONS");
        words.put("43.29A", "ISOLATION");
        words.put("96.02A", "COIFFURE");
        words.put("96.02B", "INSTITUT DE BEAUTE");
        words.put("45.20A", "GARAGE");
        words.put("45.20B", "GARAGE");
        words.put("49.32Z", "TAXI");
        words.put("81.21Z", "NETTOYAGE");
        words.put("95.23Z", "CORDONNERIE");
        words.put("74.20Z", "PHOTO");
        words.put("96.01B", "PRESSING");
        words.put("49.42Z", "DEMENAGEMENTS");
        words.put("86.90A", "AMBULANCES");
        words.put("71.20A", "CONTROLE TECHNIQUE");
        words.put("95.25Z", "HORLOGERIE");
        words.put("96.03Z", "POMPES FUNEBRES");
        words.put("47.76Z", "FLEURS");
        words.put("23.41Z", "POTERIE");
        words.put("32.12Z", "BIJOUTERIE");
        words.put("16.29Z", "TOURNERIE SUR BOIS");
        words.put("16.23Z", "MENUISERIE");
        words.put("18.12Z", "IMPRIMERIE");
        words.put("25.62B", "MECANIQUE");
        words.put("31.09B", "EBENISTERIE");
        words.put("14.13Z", "COUTURE");
        words.put("25.11Z", "METALLERIE");
        words.put("23.70Z", "TAILLE DE PIERRE");
        words.put("32.13Z", "BIJOUX");
        words.put("15.12Z", "MAROQUINERIE");
        words.put("26.52Z", "HORLOGERIE");
        words.put("32.20Z", "LUTHERIE");
        words.put("25.50A", "FORGE");
        words.put("25.71Z", "COUTELLERIE");
        return words;
    }
}
