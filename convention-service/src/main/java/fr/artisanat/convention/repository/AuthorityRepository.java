package fr.artisanat.convention.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.pagination.Keyset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuthorityRepository implements PanacheRepositoryBase<Authority, UUID> {

    @Inject
    ServiceLocks locks;

    /**
     * Makes the caller's transaction the only one recording a succession until it ends: a cycle can close through
     * two authorities that two concurrent successions do not both touch, so row locks would not see it.
     */
    public void lockSuccessions() {
        locks.lockForTransaction("authority-succession");
    }

    public Optional<Authority> findBySiren(String siren) {
        return find("siren", siren).firstResultOptional();
    }

    /** Authorities matching the filters (all optional), one page after the keyset cursor. */
    public java.util.List<Authority> search(String text, String commune, Keyset.Query<Authority> page, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>(page.params());
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(a.name) like :text or a.siren = :siren)");
            params.put("text", "%" + text.toLowerCase() + "%");
            params.put("siren", text.trim());
        }
        if (commune != null) {
            where.append(" and :commune member of a.communes");
            params.put("commune", commune);
        }
        if (!page.where().isEmpty()) {
            where.append(" and ").append(page.where());
        }
        var query = getEntityManager().createQuery(
                "select a from Authority a where " + where + " order by " + page.orderBy(), Authority.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }
}
