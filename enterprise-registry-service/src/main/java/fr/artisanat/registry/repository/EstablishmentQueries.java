package fr.artisanat.registry.repository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.platform.pagination.CursorPage;
import fr.artisanat.platform.web.QueryParams;
import fr.artisanat.registry.api.EstablishmentView;
import fr.artisanat.registry.domain.SearchText;

/** Lookup, search and changes feed of establishments, with keyset pagination. */
@ApplicationScoped
public class EstablishmentQueries {

    /** How deep text search pages go: relevance lists are read from the top. */
    static final long MAX_TEXT_RESULTS = 1000;

    @Inject
    Jdbc jdbc;

    public Optional<EstablishmentView> bySiret(String siret) {
        return jdbc.list(EstablishmentView.SELECT + " where e.siret = ?", List.of(siret), EstablishmentView::of)
                .stream().findFirst();
    }

    /**
     * Without text: ordered by SIRET. With text: accent- and case-insensitive, typo-tolerant match on name and trade
     * names (trigram word similarity), nearest first, read in that order from the GiST index. Establishments with
     * diffusion P have no searchable text: they are never matched by name.
     */
    public CursorPage<EstablishmentView> search(EstablishmentFilter f, String cursor, int limit) {
        String text = f.text() == null ? null : SearchText.fold(f.text());
        boolean byText = text != null && !text.isBlank();
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (byText) {
            // <% is an index condition (threshold set on every connection, application.properties)
            where.append(" and ? <% e.search_text");
            params.add(text);
        }
        filter(where, params, f.territoryId(), "e.commune in (select insee_code from territory_commune where territory_id = ?)");
        filter(where, params, f.commune(), "e.commune = ?");
        filter(where, params, f.craftFamily(), "e.craft_family = ?");
        filter(where, params, f.nafCode(), "e.naf_code = ?");
        filter(where, params, f.nafaCode(), "e.nafa_code = ?");
        filter(where, params, f.metierArtDomain(), "e.siret in (select siret from classification where metier_art_domain = ?)");
        filter(where, params, f.employeeBand(), "e.employee_band = ?");
        filter(where, params, f.active(), "e.active = ?");
        filter(where, params, f.tag(), "e.siret in (select siret from classification where ? = any(tags))");
        String[] after = decode(cursor, 1);
        String distance = "(? <<-> e.search_text)";
        List<Object> all = new ArrayList<>();
        String hits;
        if (byText) {
            // Nearest first straight from the GiST index. Equal names tie on distance and the index cannot order
            // ties by SIRET, so text search pages by position (offset cursor) rather than by key.
            all.add(text);
            all.addAll(params);
            all.add(text);
            hits = "select e.siret, " + distance + " as distance from establishment e" + where + " order by " + distance
                    + " offset ? limit ?";
            all.add(after == null ? 0 : parseOffset(after[0]));
        } else {
            if (after != null) {
                where.append(" and e.siret > ?");
                params.add(after[0]);
            }
            all.addAll(params);
            hits = "select e.siret, 0::real as distance from establishment e" + where + " order by e.siret limit ?";
        }
        all.add(limit + 1);
        String select = "with hits as (" + hits + ") " + EstablishmentView.SELECT
                .replace("from establishment e", "from hits h join establishment e on e.siret = h.siret")
                .replaceFirst("select ", "select h.distance, ");
        List<Ranked> rows = jdbc.list(select + " order by h.distance, e.siret", all,
                rs -> new Ranked(rs.getFloat("distance"), EstablishmentView.of(rs)));
        long offset = after == null || !byText ? 0 : parseOffset(after[0]);
        CursorPage<EstablishmentView> page = page(rows, limit,
                last -> byText ? encode(Long.toString(offset + limit)) : encode(last.view().siret()));
        return byText && offset + limit >= MAX_TEXT_RESULTS ? new CursorPage<>(page.items(), null) : page;
    }

    /** Everything changed after {@code since} (a feed cursor), in the order it changed. */
    public CursorPage<EstablishmentView> changes(String since, int limit) {
        String[] after = decode(since, 1);
        long from = after == null ? 0 : parseSequence(after[0]);
        List<Sequenced> rows = jdbc.list(EstablishmentView.SELECT + " where e.change_seq > ? order by e.change_seq limit ?",
                List.of(from, limit + 1), rs -> new Sequenced(rs.getLong("change_seq"), EstablishmentView.of(rs)));
        boolean more = rows.size() > limit;
        List<Sequenced> kept = more ? rows.subList(0, limit) : rows;
        // The feed always returns a cursor: the next call asks for what changed after the last item seen.
        String next = kept.isEmpty() ? (since == null ? encode("0") : since) : encode(Long.toString(kept.get(kept.size() - 1).sequence()));
        return new CursorPage<>(kept.stream().map(Sequenced::view).toList(), next);
    }

    private record Ranked(float distance, EstablishmentView view) {
    }

    private record Sequenced(long sequence, EstablishmentView view) {
    }

    private static CursorPage<EstablishmentView> page(List<Ranked> rows, int limit, java.util.function.Function<Ranked, String> cursor) {
        boolean more = rows.size() > limit;
        List<Ranked> kept = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(kept.stream().map(Ranked::view).toList(), more ? cursor.apply(kept.get(kept.size() - 1)) : null);
    }

    private static void filter(StringBuilder where, List<Object> params, Object value, String condition) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value instanceof UUID uuid ? uuid : value);
        }
    }

    private static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] values = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (values.length != parts) {
                throw QueryParams.invalid("cursor", "invalid cursor: it was made for another query");
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw QueryParams.invalid("cursor", "invalid cursor: it is not a cursor this API returned");
        }
    }

    private static long parseOffset(String value) {
        try {
            long offset = Long.parseLong(value);
            if (offset < 0 || offset > MAX_TEXT_RESULTS) {
                throw QueryParams.invalid("cursor", "invalid cursor: text search goes " + MAX_TEXT_RESULTS + " results deep");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw QueryParams.invalid("cursor", "invalid cursor: it is not a cursor this API returned");
        }
    }

    private static long parseSequence(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw QueryParams.invalid("cursor", "invalid cursor: it is not a cursor this API returned");
        }
    }
}
