package fr.artisanat.convention.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionStatus;
import fr.artisanat.convention.domain.PartnerType;
import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Partner;
import fr.artisanat.platform.security.Scope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<Convention, UUID> {

    /** Loads a convention and locks its row until the transaction ends, so concurrent changes queue up. */
    public Optional<Convention> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The conventions the caller may see: an authority's, where it is a party (by its SIREN, which names the successor
     * after a succession); a chamber's, where it or its parent chamber is a party; all for an admin; none otherwise.
     */
    public ConventionScope scopeOf(Caller caller) {
        return switch (Scope.of(caller)) {
            case Scope.Everything everything -> ConventionScope.EVERYTHING;
            case Scope.Nothing nothing -> ConventionScope.ofPartners(List.of(), List.of());
            case Scope.OfPartner(Partner partner) when partner.kind() == Partner.Kind.AUTHORITY -> {
                List<UUID> authority = getEntityManager().createQuery(
                        "select a.id from Authority a where a.siren = :siren", UUID.class)
                        .setParameter("siren", partner.id()).getResultList();
                yield ConventionScope.ofPartners(authority, authority);
            }
            case Scope.OfPartner(Partner partner) -> {
                UUID chamber = UUID.fromString(partner.id());
                List<UUID> withParent = getEntityManager().createQuery("select ch.id from Chamber ch where ch.id = :chamber"
                        + " or ch.id in (select own.parent.id from Chamber own where own.id = :chamber)", UUID.class)
                        .setParameter("chamber", chamber).getResultList();
                yield ConventionScope.ofPartners(withParent, withParent.contains(chamber) ? List.of(chamber) : List.of());
            }
        };
    }

    /** The convention if it is in the scope; outside it, as missing. */
    public Optional<Convention> find(UUID id, ConventionScope scope) {
        return inScope(id, scope, LockModeType.NONE);
    }

    /** {@link #find}, its row locked until the transaction ends, so concurrent changes queue up. */
    public Optional<Convention> findForUpdate(UUID id, ConventionScope scope) {
        return inScope(id, scope, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<Convention> inScope(UUID id, ConventionScope scope, LockModeType lock) {
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        var query = getEntityManager().createQuery(
                "select c from Convention c where c.id = :id and " + scope.jpql("c", params), Convention.class);
        params.forEach(query::setParameter);
        return query.setLockMode(lock).getResultStream().findFirst();
    }

    public boolean referenceExists(String reference) {
        return count("reference", reference) > 0;
    }

    /** Ids of the conventions whose lifecycle can still move by date (signed or active). */
    public List<UUID> idsInForce() {
        return getEntityManager().createQuery(
                "select c.id from Convention c where c.status in :statuses", UUID.class)
                .setParameter("statuses", List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE))
                .getResultList();
    }

    /** Ids of the conventions in which the partner is currently a party. */
    public List<UUID> idsWithParty(UUID partnerId) {
        return getEntityManager().createQuery(
                "select distinct p.convention.id from ConventionParty p where p.partnerId = :partner", UUID.class)
                .setParameter("partner", partnerId)
                .getResultList();
    }

    /** The conventions in the scope of one page of the changes feed, in feed order. */
    public List<Convention> changes(ChangesFeed feed, ConventionScope scope) {
        var query = getEntityManager().createNativeQuery("select c.* from convention c where " + scope.sql("c")
                + " and " + feed.where("c") + feed.orderAndLimit("c"), Convention.class);
        List<Object> params = new ArrayList<>(scope.sqlParams());
        params.addAll(feed.params());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    public List<Convention> search(ConventionFilter filter, ConventionScope scope, Keyset.Query<Convention> page, int limit) {
        Map<String, Object> params = new HashMap<>(page.params());
        StringBuilder where = new StringBuilder(scope.jpql("c", params));
        if (filter.authorityId() != null) {
            where.append(" and exists (select 1 from ConventionParty p where p.convention = c and p.partnerType = :authorityType"
                    + " and (p.partnerId = :authorityId or p.transferredFromId = :authorityId))");
            params.put("authorityType", PartnerType.AUTHORITY);
            params.put("authorityId", filter.authorityId());
        }
        if (filter.chamberId() != null) {
            where.append(" and exists (select 1 from ConventionParty p where p.convention = c and p.partnerType = :chamberType"
                    + " and p.partnerId = :chamberId)");
            params.put("chamberType", PartnerType.CHAMBER);
            params.put("chamberId", filter.chamberId());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.activeOn() != null) {
            where.append(" and c.status <> :draft and c.startDate <= :activeOn and c.endDate >= :activeOn"
                    + " and (c.terminatedOn is null or c.terminatedOn > :activeOn)");
            params.put("draft", ConventionStatus.DRAFT);
            params.put("activeOn", filter.activeOn());
        }
        if (filter.commune() != null) {
            where.append(" and exists (select 1 from ConventionParty p, Authority a where p.convention = c"
                    + " and p.partnerId = a.id and :commune member of a.communes)");
            params.put("commune", filter.commune());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and lower(c.title) like :text");
            params.put("text", "%" + filter.text().toLowerCase() + "%");
        }
        if (filter.expiringBy() != null) {
            where.append(" and c.status = :active and c.endDate >= :today and c.endDate <= :expiringBy");
            params.put("active", ConventionStatus.ACTIVE);
            params.put("today", filter.today());
            params.put("expiringBy", filter.expiringBy());
        }
        if (!page.where().isEmpty()) {
            where.append(" and ").append(page.where());
        }
        var query = getEntityManager().createQuery(
                "select c from Convention c where " + where + " order by " + page.orderBy(), Convention.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }
}
