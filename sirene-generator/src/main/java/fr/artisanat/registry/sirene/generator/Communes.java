package fr.artisanat.registry.sirene.generator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import fr.artisanat.registry.sirene.CommuneCode;

/** The communes generated establishments are located in, with the label and a postal code as SIRENE shows them. */
final class Communes {

    private static final String EPCI_2020 = "reference/epcicom2020.csv";
    /** About one establishment row per this many inhabitants, when communes are weighted by population. */
    static final int INHABITANTS_PER_WEIGHT = 1_000;

    private final String[] codes;
    private final String[] labels;
    private final String[] postalCodes;

    private Communes(List<String> communeCodes, Map<String, String> names) {
        codes = communeCodes.toArray(String[]::new);
        labels = new String[codes.length];
        postalCodes = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (!CommuneCode.isValid(codes[i])) {
                throw new IllegalArgumentException("Not an INSEE commune code: " + codes[i]);
            }
            String name = names.get(codes[i]);
            labels[i] = name == null ? "" : sireneLabel(name);
            postalCodes[i] = postalCode(codes[i]);
        }
    }

    /** The given communes, named from {@code names} or else from the 2020 EPCI file; all communes of it when none. */
    static Communes of(List<String> communeCodes, Map<String, String> names) {
        boolean allNamed = communeCodes.stream().allMatch(code -> names.get(code) != null);
        if (!communeCodes.isEmpty() && allNamed) {
            return new Communes(communeCodes, names);
        }
        Map<String, String> knownNames = epci2020Communes();
        names.forEach((code, name) -> {
            if (name != null) {
                knownNames.put(code, name);
            }
        });
        return new Communes(communeCodes.isEmpty() ? List.copyOf(knownNames.keySet()) : communeCodes, knownNames);
    }

    /** Every commune member of an EPCI on 1 January 2020, in file order: INSEE code to name. */
    static Map<String, String> epci2020Communes() {
        Map<String, String> names = new LinkedHashMap<>();
        ReferenceFiles.forEachRow(EPCI_2020, row -> names.put(row.getField("insee"), row.getField("nom_membre")));
        return names;
    }

    /**
     * The communes in INSEE code order, each repeated once per {@value #INHABITANTS_PER_WEIGHT} inhabitants in 2020
     * (at least once), so that towns get more establishments than villages. The order of the given codes does not
     * matter: the same communes always give the same file.
     */
    static List<String> weightedByPopulation(Collection<String> communeCodes) {
        Map<String, Integer> population = new HashMap<>();
        ReferenceFiles.forEachRow(EPCI_2020,
                row -> population.put(row.getField("insee"), Integer.valueOf(row.getField("ptot_2020"))));
        List<String> weighted = new ArrayList<>();
        communeCodes.stream().distinct().sorted().forEach(commune -> {
            int weight = Math.max(1, population.getOrDefault(commune, 0) / INHABITANTS_PER_WEIGHT);
            for (int i = 0; i < weight; i++) {
                weighted.add(commune);
            }
        });
        return weighted;
    }

    int pick(Random random) {
        return random.nextInt(codes.length);
    }

    String code(int commune) {
        return codes[commune];
    }

    String label(int commune) {
        return labels[commune];
    }

    String postalCode(int commune) {
        return postalCodes[commune];
    }

    /** SIRENE writes commune names in capitals without accents, e.g. "Bourg-lès-Valence" as "BOURG-LES-VALENCE". */
    static String sireneLabel(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // Some names in the EPCI file end with a no-break space.
        return withoutAccents.replace('\u00A0', ' ').strip().replace("œ", "oe").replace("Œ", "OE")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * A plausible postal code: the department (two characters, three overseas, 20 for Corsica) then digits derived
     * from the commune code, so one commune always gets the same postal code.
     */
    static String postalCode(String communeCode) {
        int hash = Math.floorMod(communeCode.hashCode(), 99);
        if (communeCode.startsWith("97")) {
            return communeCode.substring(0, 3) + (hash % 9 + 1) + "0";
        }
        String department = communeCode.startsWith("2A") || communeCode.startsWith("2B") ? "20"
                : communeCode.substring(0, 2);
        int digits = (hash + 1) * 10;
        return department + (digits < 100 ? "0" : "") + digits;
    }
}
