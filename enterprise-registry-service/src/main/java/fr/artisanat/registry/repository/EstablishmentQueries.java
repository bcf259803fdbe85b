package fr.artisanat.registry.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.platform.changes.ChangePosition;
import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.pagination.CursorCodec;
import fr.artisanat.platform.pagination.CursorPage;
import fr.artisanat.platform.pagination.InvalidCursor;
import fr.artisanat.registry.domain.SearchText;

/** Lookup, search, changes feed and export of establishments, as read models of their own, with keyset pagination. */
@ApplicationScoped
public class EstablishmentQueries {

    /** A cursor is the last SIRET of the page, after its tier (0: the very words, 1: close words) for a name search. */
    private static final CursorCodec CURSORS = new CursorCodec('|', CursorCodec.NOT_RETURNED);

    /** How many dictionary words one query word may stand for: the closest ones. */
    private static final int CLOSE_WORDS = 20;

    @Inject
    Jdbc jdbc;

    /** The establishment, if it is in the caller's scope (else none, as if it did not exist). */
    public Optional<EstablishmentRecord> bySiret(String siret, RegistryScope scope) {
        RegistryScope.Condition select = EstablishmentRecord.select(scope);
        RegistryScope.Condition inScope = scope.establishments("e");
        List<Object> params = new ArrayList<>(select.params());
        params.add(siret);
        params.addAll(inScope.params());
        return jdbc.list(select.sql() + " where e.siret = ? and " + inScope.sql(), params, EstablishmentRecord::of)
                .stream().findFirst();
    }

    /**
     * Without text: every match, by SIRET. With text: establishments whose name or trade names hold every word of the
     * query (accents and case aside), those holding the very words first, then those holding words close to them in
     * spelling (typos, plurals, beginnings of words); each group by SIRET. Both read their page from indexes, so a
     * common word costs no more than a rare one. Diffusion P establishments have no words: never found by name.
     */
    public CursorPage<EstablishmentRecord> search(EstablishmentFilter f, String cursor, int limit, RegistryScope scope) {
        List<String> words = SearchText.words(f.text());
        RegistryScope.Condition inScope = scope.establishments("e");
        StringBuilder where = new StringBuilder(" where " + inScope.sql());
        List<Object> params = new ArrayList<>(inScope.params());
        filter(where, params, f.territoryId(), "e.commune in (select insee_code from territory_commune where territory_id = ?)");
        filter(where, params, f.commune(), "e.commune = ?");
        filter(where, params, f.craftFamily(), "e.craft_family = ?");
        filter(where, params, f.nafCode(), "e.naf_code = ?");
        filter(where, params, f.nafaCode(), "e.nafa_code = ?");
        filter(where, params, f.metierArtDomain(), "e.siret in (select siret from classification where metier_art_domain = ?)");
        filter(where, params, f.employeeBand(), "e.employee_band = ?");
        filter(where, params, f.active(), "e.active = ?");
        filter(where, params, f.tag(), "e.siret in (select siret from classification where ? = any(tags))");
        int fetch = limit + 1; // one more than the page tells whether there is a next one
        HitQuery hits = words.isEmpty() ? inSiretOrder(where, params, cursor) : byWords(words, where, params, cursor, fetch);
        RegistryScope.Condition columns = EstablishmentRecord.select(scope);
        List<Object> all = new ArrayList<>(hits.params());
        all.add(fetch);
        all.addAll(columns.params());
        String select = "with hits as (" + hits.sql() + " limit ?) " + columns.sql()
                .replace("from establishment e", "from hits h join establishment e on e.siret = h.siret")
                .replaceFirst("select ", "select h.tier, ");
        List<Ranked> rows = jdbc.listPlannedForValues(select + " order by h.tier, e.siret", all,
                rs -> new Ranked(rs.getInt("tier"), EstablishmentRecord.of(rs)));
        boolean more = rows.size() > limit;
        List<Ranked> kept = more ? rows.subList(0, limit) : rows;
        Ranked last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        String next = !more ? null : CURSORS.encode(words.isEmpty() ? List.of(last.establishment().siret())
                : List.of(last.tier(), last.establishment().siret()));
        return new CursorPage<>(kept.stream().map(Ranked::establishment).toList(), next);
    }

    private record HitQuery(String sql, List<Object> params) {
    }

    private static HitQuery inSiretOrder(StringBuilder where, List<Object> params, String cursor) {
        List<String> after = decode(cursor, 1);
        List<Object> all = new ArrayList<>(params);
        if (after != null) {
            all.add(after.get(0));
        }
        return new HitQuery("select e.siret, 0 as tier from establishment e" + where
                + (after == null ? "" : " and e.siret > ?") + " order by e.siret", all);
    }

    /**
     * Two groups, each ordered by SIRET from the indexes and cut at the page size: the very words (tier 0), then
     * close words only (tier 1). The second group is only read when the first does not fill the page.
     */
    private HitQuery byWords(List<String> words, StringBuilder where, List<Object> params, String cursor, int fetch) {
        List<String> after = decode(cursor, 2);
        int tier = after == null ? 0 : parseTier(after.get(0));
        String[] exact = words.toArray(String[]::new);
        List<String> groups = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        if (tier == 0) {
            groups.add("(select e.siret, 0 as tier from establishment e" + where + " and e.search_words @> ?::text[]"
                    + (after == null ? "" : " and e.siret > ?") + " order by e.siret limit ?)");
            all.addAll(params);
            all.add(exact);
            if (after != null) {
                all.add(after.get(1));
            }
            all.add(fetch);
        }
        StringBuilder close = new StringBuilder(" and not e.search_words @> ?::text[]");
        List<Object> closeParams = new ArrayList<>(params);
        closeParams.add(exact);
        for (String[] alternatives : closeWords(words)) {
            close.append(" and e.search_words && ?::text[]");
            closeParams.add(alternatives);
        }
        if (tier == 1) {
            close.append(" and e.siret > ?");
            closeParams.add(after.get(1));
        }
        groups.add("(select e.siret, 1 as tier from establishment e" + where + close + " order by e.siret limit ?)");
        all.addAll(closeParams);
        all.add(fetch);
        return new HitQuery(String.join(" union all ", groups), all);
    }

    /** For each query word, itself and the dictionary words closest to it (trigram similarity, or it begins them). */
    private List<String[]> closeWords(List<String> words) {
        List<Set<String>> alternatives = new ArrayList<>();
        words.forEach(word -> alternatives.add(new LinkedHashSet<>(List.of(word))));
        jdbc.list("""
                select q.i, c.word from unnest(?::text[]) with ordinality as q(word, i) cross join lateral (
                    select s.word from search_word s where s.word % q.word or (length(q.word) >= 3 and s.word like q.word || '%')
                    order by s.word <-> q.word, s.word limit ?) c""",
                List.of(words.toArray(String[]::new), CLOSE_WORDS),
                rs -> alternatives.get(rs.getInt(1) - 1).add(rs.getString(2)));
        return alternatives.stream().map(close -> close.toArray(String[]::new)).toList();
    }

    /**
     * Everything changed after the cursor, in the order of the changes, each establishment as it is now; never skips
     * a change, whatever the interleaving of imports and classifications (ChangesFeed).
     */
    public CursorPage<EstablishmentRecord> changes(String cursor, int limit, RegistryScope scope) {
        ChangesFeed feed = ChangesFeed.page(cursor, limit);
        RegistryScope.Condition columns = EstablishmentRecord.select(scope);
        RegistryScope.Condition inScope = scope.establishments("e");
        List<Object> params = new ArrayList<>(columns.params());
        params.addAll(inScope.params());
        params.addAll(feed.params());
        String select = columns.sql().replaceFirst("select ", "select e.change_xid, e.change_seq, ");
        return feed.toPage(jdbc.list(select + " where " + inScope.sql() + " and " + feed.where("e") + feed.orderAndLimit("e"), params,
                rs -> new ChangesFeed.Change<>(ChangePosition.of(rs), EstablishmentRecord.of(rs))));
    }

    /** The columns of the establishments export, in the order of its values. */
    public static final List<String> EXPORT_COLUMNS = List.of("siret", "name", "trade_names", "street_number",
            "street_type", "street_name", "postal_code", "commune", "commune_name", "naf_code", "nafa_code", "craft_family",
            "employee_band", "created_on", "closed_on", "active");

    /**
     * Streams the establishments of a territory an export may show, by SIRET, as the values of {@link #EXPORT_COLUMNS}:
     * those with diffusion O only, establishments with diffusion P are never exported; only those in the scope.
     */
    public void forEachExported(UUID territoryId, RegistryScope scope, Consumer<List<Object>> row) {
        RegistryScope.Condition inScope = scope.communes("commune");
        List<Object> params = new ArrayList<>(List.of(territoryId));
        params.addAll(inScope.params());
        jdbc.forEach("""
                select siret, name, array_to_string(trade_names, ' / ') as trade_names, street_number, street_type,
                    street_name, postal_code, commune, commune_name, naf_code, nafa_code, craft_family, employee_band,
                    created_on, closed_on, active
                from establishment where diffusion = 'O'
                and commune in (select insee_code from territory_commune where territory_id = ?)""" + " and " + inScope.sql()
                + " order by siret", params, rs -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= EXPORT_COLUMNS.size(); i++) {
                        values.add(rs.getObject(i));
                    }
                    row.accept(values);
                    return null;
                });
    }

    private record Ranked(int tier, EstablishmentRecord establishment) {
    }

    private static void filter(StringBuilder where, List<Object> params, Object value, String condition) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value instanceof UUID uuid ? uuid : value);
        }
    }

    /** The parts of the cursor, null without one. */
    private static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> values = CURSORS.decode(cursor);
        if (values.size() != parts) {
            throw new InvalidCursor("it was made for another query");
        }
        return values;
    }

    private static int parseTier(String value) {
        if (!value.equals("0") && !value.equals("1")) {
            throw CURSORS.notOurs();
        }
        return Integer.parseInt(value);
    }
}
