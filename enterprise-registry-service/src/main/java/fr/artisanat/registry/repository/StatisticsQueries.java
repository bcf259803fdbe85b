package fr.artisanat.registry.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.registry.api.StatisticsView;
import fr.artisanat.registry.domain.JobEstimate;
import fr.artisanat.registry.domain.Territory;

/** Territory figures, computed by PostgreSQL over the establishments of the territory's communes. */
@ApplicationScoped
public class StatisticsQueries {

    @Inject
    Jdbc jdbc;

    public StatisticsView of(Territory territory, String commune) {
        String scope = "e.commune in (select insee_code from territory_commune where territory_id = ?)"
                + (commune == null ? "" : " and e.commune = ?");
        List<Object> params = new ArrayList<>(List.of(territory.id));
        if (commune != null) {
            params.add(commune);
        }
        String from = " from establishment e left join employee_band b on b.code = e.employee_band"
                + " left join classification c on c.siret = e.siret where " + scope;
        Object[] totals = jdbc.list("select count(*), count(*) filter (where e.active), count(*) filter (where not e.active),"
                + " count(*) filter (where e.active and c.metier_art_domain is not null),"
                + " sum(" + JobEstimate.sql("middle") + ") filter (where e.active),"
                + " sum(" + JobEstimate.sql("low") + ") filter (where e.active),"
                + " sum(" + JobEstimate.sql("high") + ") filter (where e.active)" + from, params,
                rs -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7) }).get(0);
        List<StatisticsView.FamilyCount> families = jdbc.list("select e.craft_family, count(*) filter (where e.active),"
                + " count(*) filter (where not e.active)" + from + " group by 1 order by 1", params,
                rs -> new StatisticsView.FamilyCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        List<StatisticsView.BandCount> bands = jdbc.list("select coalesce(e.employee_band, 'NN'), min(b.label), count(*)"
                + from + " and e.active group by 1 order by 1", params,
                rs -> new StatisticsView.BandCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
        List<StatisticsView.YearCount> creations = jdbc.list("select extract(year from e.created_on)::int, count(*)" + from
                + " and e.created_on is not null group by 1 order by 1", params,
                rs -> new StatisticsView.YearCount(rs.getInt(1), rs.getLong(2)));
        List<StatisticsView.YearCount> closures = jdbc.list("select extract(year from e.closed_on)::int, count(*)" + from
                + " and not e.active and e.closed_on is not null group by 1 order by 1", params,
                rs -> new StatisticsView.YearCount(rs.getInt(1), rs.getLong(2)));
        List<StatisticsView.CommuneCount> communes = commune != null ? null : jdbc.list("""
                select tc.insee_code, tc.commune_name, count(e.siret) filter (where e.active),
                    count(e.siret) filter (where not e.active), coalesce(sum(%s) filter (where e.active), 0)
                from territory_commune tc
                left join establishment e on e.commune = tc.insee_code
                left join employee_band b on b.code = e.employee_band
                where tc.territory_id = ? group by 1, 2 order by 1""".formatted(JobEstimate.sql("middle")),
                List.of(territory.id),
                rs -> new StatisticsView.CommuneCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        round(rs.getBigDecimal(5))));
        return new StatisticsView(territory.id, territory.name, commune, (long) totals[0], (long) totals[1],
                (long) totals[2], (long) totals[3],
                new StatisticsView.Jobs(round((BigDecimal) totals[4]), round((BigDecimal) totals[5]),
                        round((BigDecimal) totals[6]), JobEstimate.METHOD),
                families, bands, creations, closures, communes);
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.setScale(0, RoundingMode.HALF_UP);
    }

}
