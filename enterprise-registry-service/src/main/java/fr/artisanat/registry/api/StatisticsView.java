package fr.artisanat.registry.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.repository.TerritoryFigures;

/** Figures of a territory (or of one of its communes). Establishments with diffusion P count like the others. */
@Schema(name = "TerritoryStatistics")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatisticsView(UUID territoryId, @Size(max = 200) String territoryName,
        @Schema(description = "Set when restricted to one commune") @Size(max = 5) String commune,
        long establishments, long active, long closed,
        @Schema(description = "Active establishments with a métier d'art classification") long artisansDArt,
        Jobs estimatedJobs, @Size(max = 5) List<FamilyCount> byCraftFamily,
        // one per SIRENE band code: NN or two digits
        @Size(max = 101) List<BandCount> byEmployeeBand,
        // one per year, and SIRENE dates have four-digit years
        @Size(max = 10000) List<YearCount> creationsByYear, @Size(max = 10000) List<YearCount> closuresByYear,
        @Schema(description = "Per commune of the territory; absent when restricted to one commune") @Size(max = 1000) List<CommuneCount> byCommune) {

    @Schema(name = "EstimatedJobs")
    public record Jobs(@Schema(examples = "12150") BigDecimal estimate, BigDecimal low, BigDecimal high, @Size(max = 500) String method) {
    }

    @Schema(name = "CraftFamilyCount")
    public record FamilyCount(@Size(max = 20) String craftFamily, long active, long closed) {
    }

    @Schema(name = "EmployeeBandCount")
    public record BandCount(@Size(max = 2) String employeeBand, @Size(max = 100) String label, long active) {
    }

    @Schema(name = "YearCount")
    public record YearCount(int year, long count) {
    }

    @Schema(name = "CommuneCount")
    public record CommuneCount(@Size(max = 5) String commune, @Size(max = 200) String name, long active, long closed,
            BigDecimal estimatedJobs) {
    }

    public static StatisticsView of(TerritoryFigures f) {
        TerritoryFigures.Jobs jobs = f.estimatedJobs();
        return new StatisticsView(f.territoryId(), f.territoryName(), f.commune(), f.establishments(), f.active(), f.closed(),
                f.artisansDArt(), new Jobs(jobs.estimate(), jobs.low(), jobs.high(), jobs.method()),
                f.byCraftFamily().stream().map(c -> new FamilyCount(c.craftFamily(), c.active(), c.closed())).toList(),
                f.byEmployeeBand().stream().map(b -> new BandCount(b.employeeBand(), b.label(), b.active())).toList(),
                years(f.creationsByYear()), years(f.closuresByYear()),
                f.byCommune() == null ? null : f.byCommune().stream()
                        .map(c -> new CommuneCount(c.commune(), c.name(), c.active(), c.closed(), c.estimatedJobs())).toList());
    }

    private static List<YearCount> years(List<TerritoryFigures.YearCount> years) {
        return years.stream().map(y -> new YearCount(y.year(), y.count())).toList();
    }
}
