package fr.artisanat.registry.repository;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The part of the registry a caller may read, as the queries apply it in their {@code where}
 * (docs/registry.md, "Who sees what"): establishments, territories and the chamber's classifications.
 * {@code sharedDepartements}: for an authority, the départements of the chambers whose registry data a convention
 * shares with it today (their classifications are shown there, nowhere else).
 */
public record RegistryScope(Kind kind, String authoritySiren, UUID chamberId, Set<String> departements,
        Set<String> sharedDepartements) {

    public enum Kind {
        /** An administrator: everything. */
        EVERYTHING,
        /** An authority: the communes of its EPCI, the territories it owns. */
        AUTHORITY,
        /** A chamber: the communes of the départements it covers, the territories it owns. */
        CHAMBER,
        /** A caller acting for no partner and not an administrator. */
        NOTHING
    }

    /** The département of an INSEE commune code in SQL, as {@code Departements.ofCommune} tells it. */
    private static final String DEPARTEMENT = "(case when %1$s like '97%%' then left(%1$s, 3) else left(%1$s, 2) end)";

    public static RegistryScope everything() {
        return new RegistryScope(Kind.EVERYTHING, null, null, Set.of(), Set.of());
    }

    public static RegistryScope nothing() {
        return new RegistryScope(Kind.NOTHING, null, null, Set.of(), Set.of());
    }

    public static RegistryScope authority(String siren, Set<String> sharedDepartements) {
        return new RegistryScope(Kind.AUTHORITY, siren, null, Set.of(), Set.copyOf(sharedDepartements));
    }

    public static RegistryScope chamber(UUID chamberId, Set<String> departements) {
        return new RegistryScope(Kind.CHAMBER, null, chamberId, Set.copyOf(departements), Set.of());
    }

    /** The owner a territory defined by this caller records: {@code authority:<SIREN>}, {@code chamber:<id>}, or none. */
    public String owner() {
        return switch (kind) {
            case AUTHORITY -> "authority:" + authoritySiren;
            case CHAMBER -> "chamber:" + chamberId;
            case EVERYTHING, NOTHING -> null;
        };
    }

    /** A condition on the establishment aliased {@code e}, and its parameters. */
    public Condition establishments(String e) {
        return communes(e + ".commune");
    }

    /** A condition on a column holding an INSEE commune code. */
    public Condition communes(String commune) {
        return switch (kind) {
            case EVERYTHING -> new Condition("true", List.of());
            case NOTHING -> new Condition("false", List.of());
            case AUTHORITY -> new Condition(commune + " in (select ac.insee_code from territory_commune ac"
                    + " join territory a on a.id = ac.territory_id where a.kind = 'EPCI' and a.siren = ?)", List.of(authoritySiren));
            case CHAMBER -> new Condition(DEPARTEMENT.formatted(commune) + " = any(?)",
                    List.of((Object) departements.toArray(String[]::new)));
        };
    }

    /**
     * A condition on the territory aliased {@code t}: an authority's EPCI (by SIREN) and the territories a partner
     * defined; for a chamber, also the EPCIs all of whose communes it covers.
     */
    public Condition territories(String t) {
        return switch (kind) {
            case EVERYTHING -> new Condition("true", List.of());
            case NOTHING -> new Condition("false", List.of());
            case AUTHORITY -> new Condition("((%1$s.kind = 'EPCI' and %1$s.siren = ?) or %1$s.owner_partner = ?)"
                    .formatted(t), List.of(authoritySiren, owner()));
            case CHAMBER -> new Condition("""
                    (%1$s.owner_partner = ? or (%1$s.kind = 'EPCI' and not exists (select 1 from territory_commune oc
                        where oc.territory_id = %1$s.id and not %2$s = any(?))))"""
                    .formatted(t, DEPARTEMENT.formatted("oc.insee_code")),
                    List.of(owner(), departements.toArray(String[]::new)));
        };
    }

    /**
     * Whether the classification of the establishment aliased {@code e} is shown: to an administrator and to the
     * chambers (only their own part of the registry is read), to an authority where a convention shares it.
     */
    public Condition classificationShown(String e) {
        return switch (kind) {
            case EVERYTHING, CHAMBER -> new Condition("true", List.of());
            case NOTHING -> new Condition("false", List.of());
            case AUTHORITY -> new Condition(DEPARTEMENT.formatted(e + ".commune") + " = any(?)",
                    List.of((Object) sharedDepartements.toArray(String[]::new)));
        };
    }

    /** A SQL condition and the values of its parameters, in order. */
    public record Condition(String sql, List<Object> params) {
    }
}
