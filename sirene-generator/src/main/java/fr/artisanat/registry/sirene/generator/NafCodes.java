package fr.artisanat.registry.sirene.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The NAF rév. 2 codes generated rows draw from: craft codes by family (décret 98-247, whole or partial sub-classes)
 * weighted towards the trades that make up most craft businesses, and the other codes for non-craft rows.
 */
final class NafCodes {

    static final String ALIMENTATION = "ALIMENTATION";
    static final String BATIMENT = "BATIMENT";
    static final String FABRICATION = "FABRICATION";
    static final String SERVICES = "SERVICES";

    /** Weight of a craft code that is not among the common trades: present, but rare. */
    private static final double UNCOMMON_CODE_WEIGHT = 0.3;

    /** Relative frequency of common trades within their family (the rest weigh UNCOMMON_CODE_WEIGHT each). */
    private static final Map<String, Double> COMMON_TRADES = commonTrades();

    private final WeightedChoice<String> family;
    private final Map<String, WeightedChoice<String>> craftCodesByFamily = new HashMap<>();
    private final List<String> nonCraftCodes;

    private NafCodes(Map<String, String> craftFamilyByCode, List<String> nonCraftCodes) {
        family = new WeightedChoice.Builder<String>().add(BATIMENT, 40).add(SERVICES, 30).add(FABRICATION, 15)
                .add(ALIMENTATION, 15).build();
        Map<String, WeightedChoice.Builder<String>> builders = new LinkedHashMap<>();
        craftFamilyByCode.forEach((code, codeFamily) -> builders
                .computeIfAbsent(codeFamily, f -> new WeightedChoice.Builder<>())
                .add(code, COMMON_TRADES.getOrDefault(code, UNCOMMON_CODE_WEIGHT)));
        builders.forEach((codeFamily, builder) -> craftCodesByFamily.put(codeFamily, builder.build()));
        this.nonCraftCodes = List.copyOf(nonCraftCodes);
    }

    static NafCodes load() {
        Map<String, String> craftFamilyByCode = new LinkedHashMap<>();
        ReferenceFiles.forEachRow("reference/craft-activities-naf.csv", row -> {
            // "part" sub-classes are only partly craft, but registered craft businesses do carry them.
            String scope = row.getField("scope");
            if ("all".equals(scope) || "part".equals(scope)) {
                craftFamilyByCode.put(row.getField("naf_code"), row.getField("craft_family"));
            }
        });
        Set<String> craftCodes = new HashSet<>(craftFamilyByCode.keySet());
        List<String> nonCraftCodes = new ArrayList<>();
        ReferenceFiles.forEachRow("reference/naf-rev2.csv", row -> {
            if (!craftCodes.contains(row.getField("code"))) {
                nonCraftCodes.add(row.getField("code"));
            }
        });
        return new NafCodes(craftFamilyByCode, nonCraftCodes);
    }

    String pickCraftFamily(Random random) {
        return family.pick(random);
    }

    String pickCraftCode(String craftFamily, Random random) {
        return craftCodesByFamily.get(craftFamily).pick(random);
    }

    String pickNonCraftCode(Random random) {
        return nonCraftCodes.get(random.nextInt(nonCraftCodes.size()));
    }

    private static Map<String, Double> commonTrades() {
        Map<String, Double> weights = new HashMap<>();
        // Bâtiment: masons, plumbers, electricians, joiners and painters lead by far.
        weights.put("43.99C", 30.0);
        weights.put("43.22A", 25.0);
        weights.put("43.21A", 25.0);
        weights.put("43.32A", 20.0);
        weights.put("43.34Z", 20.0);
        weights.put("43.22B", 10.0);
        weights.put("43.31Z", 10.0);
        weights.put("43.33Z", 10.0);
        weights.put("43.91B", 8.0);
        weights.put("43.12A", 8.0);
        weights.put("41.20A", 8.0);
        weights.put("43.29A", 6.0);
        weights.put("43.32B", 6.0);
        weights.put("43.39Z", 6.0);
        weights.put("43.91A", 5.0);
        weights.put("43.99D", 4.0);
        weights.put("43.11Z", 3.0);
        // Services: hairdressers, beauty, car repair, taxis, cleaning.
        weights.put("96.02A", 40.0);
        weights.put("96.02B", 25.0);
        weights.put("45.20A", 25.0);
        weights.put("49.32Z", 15.0);
        weights.put("81.21Z", 12.0);
        weights.put("81.22Z", 5.0);
        weights.put("96.09Z", 5.0);
        weights.put("74.20Z", 5.0);
        weights.put("47.76Z", 4.0);
        weights.put("95.23Z", 3.0);
        weights.put("95.29Z", 3.0);
        weights.put("96.01B", 3.0);
        weights.put("49.42Z", 3.0);
        weights.put("86.90A", 3.0);
        weights.put("71.20A", 3.0);
        weights.put("95.22Z", 3.0);
        // Alimentation: bakers, butchers, fast food, pastry and delicatessen.
        weights.put("10.71C", 40.0);
        weights.put("47.22Z", 20.0);
        weights.put("56.10C", 20.0);
        weights.put("10.13B", 10.0);
        weights.put("10.71D", 10.0);
        weights.put("47.81Z", 6.0);
        weights.put("10.85Z", 6.0);
        weights.put("10.82Z", 5.0);
        weights.put("10.52Z", 3.0);
        weights.put("11.05Z", 3.0);
        weights.put("10.51C", 3.0);
        weights.put("47.23Z", 3.0);
        // Fabrication: mechanics, joinery, printing, metalwork, and the métiers d'art (ceramics, jewellery, wood).
        weights.put("25.62B", 12.0);
        weights.put("16.23Z", 12.0);
        weights.put("18.12Z", 8.0);
        weights.put("32.12Z", 8.0);
        weights.put("31.09B", 8.0);
        weights.put("33.12Z", 8.0);
        weights.put("25.11Z", 8.0);
        weights.put("23.41Z", 6.0);
        weights.put("14.13Z", 6.0);
        weights.put("32.99Z", 6.0);
        weights.put("16.29Z", 5.0);
        weights.put("23.70Z", 4.0);
        weights.put("14.19Z", 4.0);
        weights.put("32.13Z", 4.0);
        weights.put("33.19Z", 4.0);
        weights.put("25.50A", 3.0);
        weights.put("15.12Z", 3.0);
        weights.put("31.02Z", 3.0);
        weights.put("25.99B", 3.0);
        return weights;
    }
}
