package fr.artisanat.registry.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.registry.domain.Territory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Territories listed page by page, filtered by the caller's scope, a text (name or SIREN) and by whether the import
 * tracks them.
 */
@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, UUID> {

    @Inject
    Jdbc jdbc;

    /** The territories of the caller's scope only. */
    public List<Territory> page(Keyset.Query<Territory> page, String text, Boolean tracked, int limit, RegistryScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(page.params());
        if (scope.kind() != RegistryScope.Kind.EVERYTHING) {
            List<UUID> scoped = inScope(scope);
            if (scoped.isEmpty()) {
                return List.of();
            }
            where.append(" and t.id in (:scoped)");
            params.put("scoped", scoped);
        }
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

    /** Whether the territory is in the caller's scope. */
    public boolean inScope(UUID id, RegistryScope scope) {
        RegistryScope.Condition condition = scope.territories("t");
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(condition.params());
        return !jdbc.list("select 1 from territory t where t.id = ? and " + condition.sql(), params, rs -> 1).isEmpty();
    }

    /** Of these INSEE codes, those whose establishments the caller may not read. */
    public List<String> communesOutside(Collection<String> communes, RegistryScope scope) {
        RegistryScope.Condition condition = scope.communes("c.code");
        List<Object> params = new ArrayList<>();
        params.add(communes.toArray(String[]::new));
        params.addAll(condition.params());
        return jdbc.list("select c.code from unnest(?::text[]) c(code) where not (" + condition.sql() + ")", params,
                rs -> rs.getString(1));
    }

    private List<UUID> inScope(RegistryScope scope) {
        RegistryScope.Condition condition = scope.territories("t");
        return jdbc.list("select t.id from territory t where " + condition.sql(), condition.params(),
                rs -> rs.getObject(1, UUID.class));
    }
}
