package fr.artisanat.registry.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The départements of France with their region, and those where a chamber of local law (Alsace, Moselle) takes the
 * place of the regional chamber: reference data from shared/data/departements-regions.csv. Communes belong to a
 * département, départements to a region; a chamber covers the départements of its region that have no chamber of
 * local law, and a chamber of local law covers its own départements only.
 */
public final class Departements {

    /** {@code localLawChamber} names the chamber of local law of the département, null where there is none. */
    public record Departement(String code, String name, String regionCode, String regionName, String localLawChamber) {
    }

    /** Words of a chamber's name that do not tell which one it is. */
    private static final Set<String> GENERIC_WORDS = Set.of("cma", "chambre", "metiers", "artisanat", "droit", "local",
            "et", "de", "la", "le", "l", "d", "du", "des");

    private final List<Departement> all;

    public Departements(List<Departement> all) {
        this.all = List.copyOf(all);
    }

    /** The département of an INSEE commune code: 3 characters overseas (97x), 2 elsewhere (2A, 2B in Corsica). */
    public static String ofCommune(String commune) {
        return commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2);
    }

    /**
     * What the chamber covers. A chamber of local law is recognised by its level (LOCAL_LAW, as convention-service
     * records it) and matched to the file's {@code local_law_chamber} by the place that name gives ("CMA d'Alsace
     * (droit local)": Alsace; "CMA de la Moselle (droit local)": Moselle), which its own name must contain. Any other
     * chamber covers the départements of its region, found by name (accents, case and punctuation aside), less those of
     * a chamber of local law. A region or a place the file does not know covers nothing.
     */
    public ChamberCoverage coverageOf(KnownChamber chamber) {
        List<Departement> covered;
        if (chamber.isOfLocalLaw()) {
            Set<String> nameWords = words(chamber.name());
            covered = all.stream().filter(d -> d.localLawChamber() != null)
                    .filter(d -> {
                        Set<String> place = distinctiveWords(d.localLawChamber());
                        return !place.isEmpty() && nameWords.containsAll(place);
                    }).toList();
        } else {
            String region = chamber.region() == null ? null : folded(chamber.region());
            covered = all.stream().filter(d -> d.localLawChamber() == null && folded(d.regionName()).equals(region)).toList();
        }
        String region = covered.isEmpty() ? chamber.region() : covered.get(0).regionName();
        return new ChamberCoverage(chamber.id(), region,
                covered.stream().map(Departement::code).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Set<String> distinctiveWords(String chamberName) {
        Set<String> words = words(chamberName);
        words.removeAll(GENERIC_WORDS);
        return words;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(folded(text).split(" ")).filter(w -> !w.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Lower case, without accents, every run of other characters (apostrophes, hyphens, brackets) as one space. */
    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").trim();
    }
}
