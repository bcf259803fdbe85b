package fr.artisanat.registry.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.registry.domain.JobEstimate;
import fr.artisanat.registry.domain.Territory;

/**
 * Territory figures, computed by PostgreSQL in one pass over the establishments of the territory's communes: one
 * GROUPING SETS query gives the totals and every breakdown at once.
 */
@ApplicationScoped
public class StatisticsQueries {

    private static final String FIGURES = """
            select case when grouping(x.craft_family) = 0 then 'family' when grouping(x.band) = 0 then 'band'
                        when grouping(x.created) = 0 then 'created' when grouping(x.closed) = 0 then 'closed'
                        when grouping(x.commune) = 0 then 'commune' else 'total' end as dimension,
                coalesce(x.craft_family, x.band, x.created::text, x.closed::text, x.commune) as key, min(x.band_label),
                count(*), count(*) filter (where x.active), count(*) filter (where not x.active),
                count(*) filter (where x.active and x.art),
                sum(x.middle) filter (where x.active), sum(x.low) filter (where x.active), sum(x.high) filter (where x.active)
            from (
                select e.craft_family, coalesce(e.employee_band, 'NN') as band, b.label as band_label,
                    extract(year from e.created_on)::int as created,
                    case when not e.active then extract(year from e.closed_on)::int end as closed,
                    e.commune, e.active, c.metier_art_domain is not null as art,
                    %s as middle, %s as low, %s as high
                from establishment e
                left join employee_band b on b.code = e.employee_band
                left join classification c on c.siret = e.siret
                where e.commune in (select insee_code from territory_commune where territory_id = ?) %s
            ) x
            group by grouping sets ((), (x.craft_family), (x.band), (x.created), (x.closed), (x.commune))
            order by 1, 2""";

    @Inject
    Jdbc jdbc;

    public TerritoryFigures of(Territory territory, String commune) {
        List<Object> params = new ArrayList<>(List.of(territory.id));
        if (commune != null) {
            params.add(commune);
        }
        String sql = FIGURES.formatted(JobEstimate.sql("middle"), JobEstimate.sql("low"), JobEstimate.sql("high"),
                commune == null ? "" : "and e.commune = ?");
        Figures figures = new Figures();
        jdbc.list(sql, params, rs -> {
            figures.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), round(rs.getBigDecimal(8)), round(rs.getBigDecimal(9)),
                    round(rs.getBigDecimal(10))));
            return null;
        });
        Row total = figures.total == null ? Row.EMPTY : figures.total;
        return new TerritoryFigures(territory.id, territory.name, commune, total.count(), total.active(), total.closed(),
                total.artisansDArt(), new TerritoryFigures.Jobs(total.jobs(), total.jobsLow(), total.jobsHigh(), JobEstimate.METHOD),
                figures.families, figures.bands, figures.creations, figures.closures,
                commune == null ? communes(territory, figures.byCommune) : null);
    }

    /** Every commune of the territory, with zeros where no establishment is. */
    private List<TerritoryFigures.CommuneCount> communes(Territory territory, Map<String, Row> byCommune) {
        return jdbc.list("select insee_code, commune_name from territory_commune where territory_id = ? order by 1",
                List.of(territory.id), rs -> {
                    Row row = byCommune.getOrDefault(rs.getString(1), Row.EMPTY);
                    return new TerritoryFigures.CommuneCount(rs.getString(1), rs.getString(2), row.active(), row.closed(),
                            row.jobs());
                });
    }

    /** One line of the GROUPING SETS result: a dimension (or the total), its key and its counts. */
    private record Row(String dimension, String key, String label, long count, long active, long closed,
            long artisansDArt, BigDecimal jobs, BigDecimal jobsLow, BigDecimal jobsHigh) {

        static final Row EMPTY = new Row("total", null, null, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static final class Figures {
        Row total;
        final List<TerritoryFigures.FamilyCount> families = new ArrayList<>();
        final List<TerritoryFigures.BandCount> bands = new ArrayList<>();
        final List<TerritoryFigures.YearCount> creations = new ArrayList<>();
        final List<TerritoryFigures.YearCount> closures = new ArrayList<>();
        final Map<String, Row> byCommune = new HashMap<>();

        void add(Row row) {
            switch (row.dimension()) {
                case "total" -> total = row;
                case "family" -> families.add(new TerritoryFigures.FamilyCount(row.key(), row.active(), row.closed()));
                // bands and closures count what is active or closed; null years are establishments without that date
                case "band" -> {
                    if (row.active() > 0) {
                        bands.add(new TerritoryFigures.BandCount(row.key(), row.label(), row.active()));
                    }
                }
                case "created" -> {
                    if (row.key() != null) {
                        creations.add(new TerritoryFigures.YearCount(Integer.parseInt(row.key()), row.count()));
                    }
                }
                case "closed" -> {
                    if (row.key() != null) {
                        closures.add(new TerritoryFigures.YearCount(Integer.parseInt(row.key()), row.count()));
                    }
                }
                default -> byCommune.put(row.key(), row);
            }
        }
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.setScale(0, RoundingMode.HALF_UP);
    }
}
