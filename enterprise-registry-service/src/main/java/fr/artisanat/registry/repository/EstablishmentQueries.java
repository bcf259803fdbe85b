package fr.artisanat.registry.repository;

import java.math.BigDecimal;
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

/** Lookup, search and changes feed of establishments, with keyset pagination. */
@ApplicationScoped
public class EstablishmentQueries {

    @Inject
    Jdbc jdbc;

    public Optional<EstablishmentView> bySiret(String siret) {
        return jdbc.list(EstablishmentView.SELECT + " where e.siret = ?", List.of(siret), EstablishmentView::of)
                .stream().findFirst();
    }

    /**
     * Without text: ordered by SIRET. With text: accent- and case-insensitive, typo-tolerant match on name and trade
     * names (trigram word similarity), best first. Establishments with diffusion P are never matched by name.
     */
    public CursorPage<EstablishmentView> search(EstablishmentFilter f, String cursor, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        boolean text = f.text() != null && !f.text().isBlank();
        String score = "round(word_similarity(fold(?), e.search_text)::numeric, 5)";
        if (text) {
            // <% uses the trigram index, with the threshold set on every connection (application.properties)
            where.append(" and fold(?) <% e.search_text");
            params.add(f.text());
        }
        filter(where, params, f.territoryId(), "e.commune in (select insee_code from territory_commune where territory_id = ?)");
        filter(where, params, f.commune(), "e.commune = ?");
        filter(where, params, f.craftFamily(), "e.craft_family = ?");
        filter(where, params, f.nafCode(), "e.naf_code = ?");
        filter(where, params, f.nafaCode(), "e.nafa_code = ?");
        filter(where, params, f.metierArtDomain(), "c.metier_art_domain = ?");
        filter(where, params, f.employeeBand(), "e.employee_band = ?");
        filter(where, params, f.active(), "e.active = ?");
        filter(where, params, f.tag(), "? = any(c.tags)");
        String[] after = decode(cursor, text ? 2 : 1);
        if (after != null && text) {
            where.append(" and (" + score + " < ? or (" + score + " = ? and e.siret > ?))");
            BigDecimal last = parseScore(after[0]);
            params.addAll(List.of(f.text(), last, f.text(), last, after[1]));
        } else if (after != null) {
            where.append(" and e.siret > ?");
            params.add(after[0]);
        }
        List<Object> all = new ArrayList<>();
        String select = EstablishmentView.SELECT.replaceFirst("select ", "select " + (text ? score : "0") + " as score, ");
        if (text) {
            all.add(f.text());
        }
        all.addAll(params);
        all.add(limit + 1);
        List<Scored> rows = jdbc.list(select + where + (text ? " order by score desc, e.siret" : " order by e.siret")
                + " limit ?", all, rs -> new Scored(rs.getBigDecimal("score"), EstablishmentView.of(rs)));
        return page(rows, limit, last -> text ? encode(last.score().toPlainString(), last.view().siret()) : encode(last.view().siret()));
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

    private record Scored(BigDecimal score, EstablishmentView view) {
    }

    private record Sequenced(long sequence, EstablishmentView view) {
    }

    private static CursorPage<EstablishmentView> page(List<Scored> rows, int limit, java.util.function.Function<Scored, String> cursor) {
        boolean more = rows.size() > limit;
        List<Scored> kept = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(kept.stream().map(Scored::view).toList(), more ? cursor.apply(kept.get(kept.size() - 1)) : null);
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

    private static BigDecimal parseScore(String value) {
        try {
            return new BigDecimal(value);
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
