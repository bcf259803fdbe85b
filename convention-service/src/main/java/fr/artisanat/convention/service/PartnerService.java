package fr.artisanat.convention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.Siren;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.repository.ChamberRepository;
import fr.artisanat.convention.repository.CommuneRepository;
import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.platform.failure.FieldViolation;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.failure.StateConflict;

/** Authorities and chambers: the partners of conventions, and the succession of one authority by another. */
@ApplicationScoped
public class PartnerService {

    @Inject
    AuthorityRepository authorities;

    @Inject
    ChamberRepository chambers;

    @Inject
    CommuneRepository communes;

    @Inject
    ConventionRepository conventions;

    @Inject
    ConventionLifecycle lifecycle;

    @Inject
    Clock clock;

    @Transactional
    public Authority createAuthority(PartnerCommands.NewAuthority command) {
        if (!Siren.isValid(command.siren())) {
            throw InvalidCommand.of("siren", "is not a valid SIREN (check digit)");
        }
        if (authorities.findBySiren(command.siren()).isPresent()) {
            throw new StateConflict("duplicate-siren", "An authority with SIREN " + command.siren() + " already exists");
        }
        Set<String> members = new LinkedHashSet<>(command.communes());
        Set<String> unknown = communes.unknown(members);
        if (!unknown.isEmpty()) {
            List<FieldViolation> errors = new ArrayList<>();
            for (int i = 0; i < command.communes().size(); i++) {
                if (unknown.contains(command.communes().get(i))) {
                    errors.add(new FieldViolation("communes[" + i + "]", "unknown commune " + command.communes().get(i)));
                }
            }
            throw new InvalidCommand("Unknown communes " + unknown, errors);
        }
        Authority authority = new Authority();
        authority.id = UUID.randomUUID();
        authority.siren = command.siren();
        authority.name = command.name();
        authority.nature = command.nature();
        authority.communes.addAll(members);
        authority.validFrom = command.validFrom();
        authority.createdAt = authority.updatedAt = Instant.now();
        authorities.persist(authority);
        return authority;
    }

    @Transactional
    public Chamber createChamber(PartnerCommands.NewChamber command) {
        return createChamber(UUID.randomUUID(), command);
    }

    /**
     * A chamber whose id is known beforehand: the demo chambers, which the identity provider's realm names as the
     * partner of their users and systems (infra/keycloak/partnerships-realm.json).
     */
    @Transactional
    public Chamber createChamber(UUID id, PartnerCommands.NewChamber command) {
        if (command.siren() != null && !Siren.isValid(command.siren())) {
            throw InvalidCommand.of("siren", "is not a valid SIREN (check digit)");
        }
        Chamber chamber = new Chamber();
        chamber.id = id;
        chamber.name = command.name();
        chamber.level = command.level();
        chamber.region = command.region();
        chamber.siren = command.siren();
        if (command.parentId() != null) {
            chamber.parent = chambers.findByIdOptional(command.parentId())
                    .orElseThrow(() -> InvalidCommand.of("parentId", "unknown chamber " + command.parentId()));
        }
        chamber.createdAt = chamber.updatedAt = Instant.now();
        chambers.persist(chamber);
        return chamber;
    }

    /**
     * Records that {@code successorId} takes over the authority from {@code effectiveDate}; its conventions still
     * running on that date pass to the successor now if the date has come, otherwise when it comes. A succession
     * that would make an authority its own successor, directly or through others, is refused.
     */
    @Transactional
    public Authority recordSuccession(UUID authorityId, PartnerCommands.Succession command) {
        authorities.lockSuccessions();
        Authority authority = authority(authorityId);
        Authority successor = authorities.findByIdOptional(command.successorId())
                .orElseThrow(() -> InvalidCommand.of("successorId", "unknown authority " + command.successorId()));
        authority.succeededBy(successor, command.effectiveDate());
        authority.updatedAt = Instant.now();
        LocalDate today = LocalDate.now(clock);
        for (UUID conventionId : conventions.idsWithParty(authority.id)) {
            conventions.findForUpdate(conventionId).ifPresent(c -> lifecycle.advance(c, today));
        }
        return authority;
    }

    public Authority authority(UUID id) {
        return authorities.findByIdOptional(id).orElseThrow(() -> new NotFound("Authority", id));
    }

    public Chamber chamber(UUID id) {
        return chambers.findByIdOptional(id).orElseThrow(() -> new NotFound("Chamber", id));
    }
}
