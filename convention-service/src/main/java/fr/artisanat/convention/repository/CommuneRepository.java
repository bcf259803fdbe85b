package fr.artisanat.convention.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fr.artisanat.convention.domain.Commune;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommuneRepository implements PanacheRepositoryBase<Commune, String> {

    /** The codes among {@code codes} that are not known communes. */
    public Set<String> unknown(Collection<String> codes) {
        List<String> known = getEntityManager()
                .createQuery("select c.inseeCode from Commune c where c.inseeCode in :codes", String.class)
                .setParameter("codes", codes)
                .getResultList();
        Set<String> missing = new HashSet<>(codes);
        known.forEach(missing::remove);
        return missing;
    }
}
