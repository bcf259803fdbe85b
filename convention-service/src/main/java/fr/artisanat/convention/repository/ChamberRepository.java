package fr.artisanat.convention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.platform.pagination.Keyset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ChamberRepository implements PanacheRepositoryBase<Chamber, UUID> {

    public List<Chamber> page(Keyset.Query<Chamber> page, int limit) {
        var query = getEntityManager().createQuery("select c from Chamber c"
                + (page.where().isEmpty() ? "" : " where " + page.where()) + " order by " + page.orderBy(), Chamber.class);
        page.params().forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }
}
