package fr.artisanat.registry.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.registry.domain.Territory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Territories listed page by page, filtered by a text (name or SIREN) and by whether the import tracks them. */
@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, UUID> {

    public List<Territory> page(Keyset.Query<Territory> page, String text, Boolean tracked, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(page.params());
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(t.name) like :text or t.siren = :siren)");
            params.put("text", "%" + text.toLowerCase() + "%");
            params.put("siren", text.trim());
        }
        if (tracked != null) {
            where.append(" and t.tracked = :tracked");
            params.put("tracked", tracked);
        }
        if (!page.where().isEmpty()) {
            where.append(" and ").append(page.where());
        }
        var query = getEntityManager().createQuery("select t from Territory t where " + where + " order by " + page.orderBy(),
                Territory.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }
}
