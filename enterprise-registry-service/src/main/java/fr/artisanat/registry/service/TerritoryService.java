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
import fr.artisanat.platform.security.Caller;
import fr.artisanat.registry.domain.Territory;
import fr.artisanat.registry.repository.RegistryScope;
import fr.artisanat.registry.repository.StatisticsQueries;
import fr.artisanat.registry.repository.TerritoryFigures;
import fr.artisanat.registry.repository.TerritoryRepository;
import io.quarkus.security.ForbiddenException;

/** Territories: the EPCIs loaded at start-up and the sets of communes partners define. */
@ApplicationScoped
public class TerritoryService {

    @Inject
    EntityManager em;

    @Inject
    StatisticsQueries statistics;

    @Inject
    TerritoryRepository repository;

    @Inject
    DataSharing sharing;

    /** The territory, if it is in the caller's scope (else not found, as if it did not exist). */
    public Territory get(UUID id, Caller caller) {
        Territory territory = em.find(Territory.class, id);
        if (territory == null || !repository.inScope(id, sharing.scopeOf(caller))) {
            throw new NotFound("Territory", id);
        }
        return territory;
    }

    public List<String> communes(UUID territoryId) {
        return em.createNativeQuery("select insee_code from territory_commune where territory_id = :id order by 1", String.class)
                .setParameter("id", territoryId).getResultList();
    }

    /** The figures of the territory, or of one of its communes when {@code commune} is given. */
    public TerritoryFigures figures(UUID id, String commune, Caller caller) {
        Territory territory = get(id, caller);
        if (commune != null && !communes(id).contains(commune)) {
            throw InvalidCommand.of("commune", "is not a commune of " + territory.name);
        }
        return statistics.of(territory, commune);
    }

    /**
     * A territory of communes the caller may read, owned by the caller's partner (an administrator's is nobody's):
     * only that partner, and administrators, see it.
     */
    @Transactional
    public Territory create(TerritoryCommands.NewTerritory command, Caller caller) {
        RegistryScope scope = sharing.scopeOf(caller);
        if (scope.kind() == RegistryScope.Kind.NOTHING) {
            throw new ForbiddenException("Only a partner or an administrator may define a territory");
        }
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
        List<String> outside = repository.communesOutside(communes, scope);
        for (int i = 0; i < command.communes().size(); i++) {
            if (outside.contains(command.communes().get(i))) {
                errors.add(new FieldViolation("communes[" + i + "]", "commune " + command.communes().get(i)
                        + " is outside the part of the registry you may read"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommand(errors.size() + " communes outside your part of the registry", errors);
        }
        Territory territory = new Territory();
        territory.id = UUID.randomUUID();
        territory.code = command.code();
        territory.name = command.name();
        territory.kind = Territory.Kind.CUSTOM;
        territory.validFrom = command.validFrom();
        territory.validTo = command.validTo();
        territory.tracked = command.tracked() == null || command.tracked();
        territory.ownerPartner = scope.owner();
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
