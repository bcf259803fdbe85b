package fr.artisanat.registry.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.problem.FieldError;
import fr.artisanat.registry.api.TerritoryRequests;
import fr.artisanat.registry.domain.Territory;

/** Territories: the EPCIs loaded at start-up and the sets of communes partners define. */
@ApplicationScoped
public class TerritoryService {

    @Inject
    EntityManager em;

    public Territory get(UUID id) {
        Territory territory = em.find(Territory.class, id);
        if (territory == null) {
            throw ApiException.notFound("Territory", id);
        }
        return territory;
    }

    public List<String> communes(UUID territoryId) {
        return em.createNativeQuery("select insee_code from territory_commune where territory_id = :id order by 1", String.class)
                .setParameter("id", territoryId).getResultList();
    }

    @Transactional
    public Territory create(TerritoryRequests.Create request) {
        if (!em.createQuery("select t.id from Territory t where t.code = :code").setParameter("code", request.code())
                .getResultList().isEmpty()) {
            throw ApiException.conflict("duplicate-code", "A territory with code " + request.code() + " already exists");
        }
        if (request.validTo() != null && request.validFrom() != null && request.validTo().isBefore(request.validFrom())) {
            throw ApiException.invalidField("validTo", "must not be before validFrom " + request.validFrom());
        }
        Set<String> communes = new LinkedHashSet<>(request.communes());
        List<String> known = em.createNativeQuery(
                "select distinct insee_code from territory_commune where insee_code in (:codes)", String.class)
                .setParameter("codes", communes).getResultList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.communes().size(); i++) {
            if (!known.contains(request.communes().get(i))) {
                errors.add(new FieldError("communes[" + i + "]", "unknown commune " + request.communes().get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "validation", "Invalid request", errors.size() + " unknown communes", errors);
        }
        Territory territory = new Territory();
        territory.id = UUID.randomUUID();
        territory.code = request.code();
        territory.name = request.name();
        territory.kind = Territory.Kind.CUSTOM;
        territory.validFrom = request.validFrom();
        territory.validTo = request.validTo();
        territory.tracked = request.tracked() == null || request.tracked();
        territory.createdAt = Instant.now();
        em.persist(territory);
        em.flush();
        for (String commune : communes) {
            em.createNativeQuery("""
                    insert into territory_commune (territory_id, insee_code, commune_name)
                    select :id, :code, (select min(commune_name) from territory_commune where insee_code = :code)""")
                    .setParameter("id", territory.id).setParameter("code", commune).executeUpdate();
        }
        return territory;
    }
}
