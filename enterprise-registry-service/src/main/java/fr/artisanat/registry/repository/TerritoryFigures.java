package fr.artisanat.registry.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Figures of a territory, or of one of its communes ({@code commune} set, {@code byCommune} then absent), as
 * {@link StatisticsQueries} computes them. Establishments with diffusion P count like the others.
 */
public record TerritoryFigures(UUID territoryId, String territoryName, String commune, long establishments, long active,
        long closed, long artisansDArt, Jobs estimatedJobs, List<FamilyCount> byCraftFamily, List<BandCount> byEmployeeBand,
        List<YearCount> creationsByYear, List<YearCount> closuresByYear, List<CommuneCount> byCommune) {

    /** Estimated jobs of the active establishments, with the range and how they are estimated. */
    public record Jobs(BigDecimal estimate, BigDecimal low, BigDecimal high, String method) {
    }

    public record FamilyCount(String craftFamily, long active, long closed) {
    }

    public record BandCount(String employeeBand, String label, long active) {
    }

    public record YearCount(int year, long count) {
    }

    public record CommuneCount(String commune, String name, long active, long closed, BigDecimal estimatedJobs) {
    }
}
