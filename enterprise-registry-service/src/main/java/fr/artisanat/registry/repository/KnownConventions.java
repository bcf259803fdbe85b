package fr.artisanat.registry.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import fr.artisanat.registry.domain.KnownChamber;
import fr.artisanat.registry.domain.KnownConvention;

/**
 * The projection of the conventions topic (known_convention, its parties, its registry data clauses, the chambers
 * seen) and the question the registry asks it: is a chamber's craft-registry data shared with an authority today?
 */
@ApplicationScoped
public class KnownConventions {

    @Inject
    EntityManager em;

    // Values that may be absent are cast: a null parameter of a native query has no type PostgreSQL could infer.

    /**
     * Stores the convention's status and term unless a later version is already held; true when stored. The row's
     * lock orders two replicas that would apply the same convention at once (a rebalance).
     */
    public boolean saveUnlessOlder(KnownConvention c) {
        return em.createNativeQuery("""
                insert into known_convention (id, reference, status, start_date, end_date, terminated_on, version)
                values (:id, :reference, :status, :start, :end, cast(:terminatedOn as date), :version)
                on conflict (id) do update set reference = excluded.reference, status = excluded.status,
                    start_date = excluded.start_date, end_date = excluded.end_date,
                    terminated_on = excluded.terminated_on, version = excluded.version
                where known_convention.version <= excluded.version""")
                .setParameter("id", c.id()).setParameter("reference", c.reference()).setParameter("status", c.status())
                .setParameter("start", c.startDate()).setParameter("end", c.endDate())
                .setParameter("terminatedOn", c.terminatedOn()).setParameter("version", c.version())
                .executeUpdate() == 1;
    }

    /** The parties and registry data clauses of the convention become those it carries. */
    public void replaceParts(KnownConvention c) {
        em.createNativeQuery("delete from known_convention_party where convention_id = :id").setParameter("id", c.id())
                .executeUpdate();
        em.createNativeQuery("delete from registry_data_clause where convention_id = :id").setParameter("id", c.id())
                .executeUpdate();
        for (KnownConvention.Party p : c.parties()) {
            em.createNativeQuery("""
                    insert into known_convention_party (convention_id, partner_id, partner_type, name, siren, transferred_from_id)
                    values (:id, :partner, :type, :name, cast(:siren as char(9)), cast(:from as uuid)) on conflict do nothing""")
                    .setParameter("id", c.id()).setParameter("partner", p.partnerId()).setParameter("type", p.partnerType())
                    .setParameter("name", p.name()).setParameter("siren", p.siren())
                    .setParameter("from", p.transferredFromId()).executeUpdate();
        }
        for (UUID provider : c.registryDataProviders()) {
            em.createNativeQuery("insert into registry_data_clause (convention_id, provider_id) values (:id, :provider)")
                    .setParameter("id", c.id()).setParameter("provider", provider).executeUpdate();
        }
    }

    /** Keeps what the change made at {@code asOf} tells of the chamber, unless a later change told otherwise. */
    public void rememberChamber(KnownChamber chamber, Instant asOf) {
        em.createNativeQuery("""
                insert into known_chamber (id, name, level, region, parent_id, as_of)
                values (:id, :name, cast(:level as varchar), cast(:region as varchar), cast(:parent as uuid), :asOf)
                on conflict (id) do update set name = excluded.name, level = excluded.level, region = excluded.region,
                    parent_id = excluded.parent_id, as_of = excluded.as_of
                where known_chamber.as_of <= excluded.as_of""")
                .setParameter("id", chamber.id()).setParameter("name", chamber.name())
                .setParameter("level", chamber.level()).setParameter("region", chamber.region())
                .setParameter("parent", chamber.parentId()).setParameter("asOf", Timestamp.from(asOf)).executeUpdate();
    }

    public Optional<KnownChamber> chamber(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, level, region, parent_id from known_chamber where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> new KnownChamber((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (UUID) r[4]));
    }

    /**
     * The chambers whose craft-registry data a convention shares with the authority {@code today}: it binds the
     * authority (by SIREN: a successor reads what its predecessor could, since the party passed to it), is in force
     * (ACTIVE, within its term: an expiry or a termination ends it at once, and the term even before the expiry event
     * arrives), and has a line by which the chamber, a party to it, provides its craft-registry data.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> registryDataProviders(String authoritySiren, LocalDate today) {
        return em.createNativeQuery("""
                select distinct clause.provider_id
                  from known_convention c
                  join known_convention_party authority on authority.convention_id = c.id
                       and authority.partner_type = 'AUTHORITY' and authority.siren = :siren
                  join registry_data_clause clause on clause.convention_id = c.id
                  join known_convention_party provider on provider.convention_id = c.id
                       and provider.partner_id = clause.provider_id and provider.partner_type = 'CHAMBER'
                 where c.status = 'ACTIVE' and c.start_date <= :today and :today <= c.end_date""", UUID.class)
                .setParameter("siren", authoritySiren).setParameter("today", today).getResultList();
    }
}
