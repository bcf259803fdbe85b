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

import fr.artisanat.convention.api.AuthorityRequests;
import fr.artisanat.convention.api.ChamberRequests;
import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.Siren;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.repository.ChamberRepository;
import fr.artisanat.convention.repository.CommuneRepository;
import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.problem.FieldError;

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
    public Authority createAuthority(AuthorityRequests.Create request) {
        if (!Siren.isValid(request.siren())) {
            throw ApiException.invalidField("siren", "is not a valid SIREN (check digit)");
        }
        if (authorities.findBySiren(request.siren()).isPresent()) {
            throw ApiException.conflict("duplicate-siren", "An authority with SIREN " + request.siren() + " already exists");
        }
        Set<String> members = new LinkedHashSet<>(request.communes());
        Set<String> unknown = communes.unknown(members);
        if (!unknown.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < request.communes().size(); i++) {
                if (unknown.contains(request.communes().get(i))) {
                    errors.add(new FieldError("communes[" + i + "]", "unknown commune " + request.communes().get(i)));
                }
            }
            throw new ApiException(422, "validation", "Invalid request", "Unknown communes " + unknown, errors);
        }
        Authority authority = new Authority();
        authority.id = UUID.randomUUID();
        authority.siren = request.siren();
        authority.name = request.name();
        authority.nature = request.nature();
        authority.communes.addAll(members);
        authority.validFrom = request.validFrom();
        authority.createdAt = authority.updatedAt = Instant.now();
        authorities.persist(authority);
        return authority;
    }

    @Transactional
    public Chamber createChamber(ChamberRequests.Create request) {
        if (request.siren() != null && !Siren.isValid(request.siren())) {
            throw ApiException.invalidField("siren", "is not a valid SIREN (check digit)");
        }
        Chamber chamber = new Chamber();
        chamber.id = UUID.randomUUID();
        chamber.name = request.name();
        chamber.level = request.level();
        chamber.region = request.region();
        chamber.siren = request.siren();
        if (request.parentId() != null) {
            chamber.parent = chambers.findByIdOptional(request.parentId())
                    .orElseThrow(() -> ApiException.invalidField("parentId", "unknown chamber " + request.parentId()));
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
    public Authority recordSuccession(UUID authorityId, AuthorityRequests.Succession request) {
        authorities.lockSuccessions();
        Authority authority = authority(authorityId);
        Authority successor = authorities.findByIdOptional(request.successorId())
                .orElseThrow(() -> ApiException.invalidField("successorId", "unknown authority " + request.successorId()));
        authority.succeededBy(successor, request.effectiveDate());
        authority.updatedAt = Instant.now();
        LocalDate today = LocalDate.now(clock);
        for (UUID conventionId : conventions.idsWithParty(authority.id)) {
            conventions.findForUpdate(conventionId).ifPresent(c -> lifecycle.advance(c, today));
        }
        return authority;
    }

    public Authority authority(UUID id) {
        return authorities.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Authority", id));
    }

    public Chamber chamber(UUID id) {
        return chambers.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Chamber", id));
    }
}
