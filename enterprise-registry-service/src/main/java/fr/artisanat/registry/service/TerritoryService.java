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

import fr.artisanat.platform.failure.FieldViolation;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.failure.StateConflict;
import fr.artisanat.registry.domain.Territory;
import fr.artisanat.registry.repository.StatisticsQueries;
import fr.artisanat.registry.repository.TerritoryFigures;

/** Territories: the EPCIs loaded at start-up and the sets of communes partners define. */
@ApplicationScoped
public class TerritoryService {

    @Inject
    EntityManager em;

    @Inject
    StatisticsQueries statistics;

    public Territory get(UUID id) {
        Territory territory = em.find(Territory.class, id);
        if (territory == null) {
            throw new NotFound("Territory", id);
        }
        return territory;
    }

    public List<String> communes(UUID territoryId) {
        return em.createNativeQuery("select insee_code from territory_commune where territory_id = :id order by 1", String.class)
                .setParameter("id", territoryId).getResultList();
    }

    /** The figures of the territory, or of one of its communes when {@code commune} is given. */
    public TerritoryFigures figures(UUID id, String commune) {
        Territory territory = get(id);
        if (commune != null && !communes(id).contains(commune)) {
            throw InvalidCommand.of("commune", "is not a commune of " + territory.name);
        }
        return statistics.of(territory, commune);
    }

    @Transactional
    public Territory create(TerritoryCommands.NewTerritory command) {
        if (!em.createQuery("select t.id from Territory t where t.code = :code").setParameter("code", command.code())
                .getResultList().isEmpty()) {
            throw new StateConflict("duplicate-code", "A territory with code " + command.code() + " already exists");
        }
        if (command.validTo() != null && command.validFrom() != null && command.validTo().isBefore(command.validFrom())) {
            throw InvalidCommand.of("validTo", "must not be before validFrom " + command.validFrom());
        }
        Set<String> communes = new LinkedHashSet<>(command.communes());
        List<String> known = em.createNativeQuery(
                "select distinct insee_code from territory_commune where insee_code in (:codes)", String.class)
                .setParameter("codes", communes).getResultList();
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < command.communes().size(); i++) {
            if (!known.contains(command.communes().get(i))) {
                errors.add(new FieldViolation("communes[" + i + "]", "unknown commune " + command.communes().get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommand(errors.size() + " unknown communes", errors);
        }
        Territory territory = new Territory();
        territory.id = UUID.randomUUID();
        territory.code = command.code();
        territory.name = command.name();
        territory.kind = Territory.Kind.CUSTOM;
        territory.validFrom = command.validFrom();
        territory.validTo = command.validTo();
        territory.tracked = command.tracked() == null || command.tracked();
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
