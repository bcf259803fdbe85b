package fr.artisanat.registry.domain;

/**
 * How jobs are estimated from SIRENE employee bands (docs/registry.md): each active establishment counts its
 * owner or manager (1) plus its employees, taken at the middle of its band; the range uses the band's bounds.
 * Band NN (no employee or unknown) and 00 count the owner only; the open band 53 (10,000+) counts its lower bound.
 */
public final class JobEstimate {

    public static final String METHOD = "1 job per active establishment (its owner or manager) plus its employees: "
            + "the middle of its SIRENE band for the estimate, the band's bounds for the range; bands NN and 00 "
            + "count the owner only";

    private JobEstimate() {
    }

    /** SQL expression of the low, middle or high estimate for one row with columns min_employees, max_employees. */
    public static String sql(String bound) {
        return switch (bound) {
            case "low" -> "1 + coalesce(b.min_employees, 0)";
            case "high" -> "1 + coalesce(b.max_employees, b.min_employees, 0)";
            default -> "1 + coalesce((b.min_employees + coalesce(b.max_employees, b.min_employees)) / 2.0, 0)";
        };
    }
}
