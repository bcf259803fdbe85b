package fr.artisanat.registry.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Partner;
import fr.artisanat.platform.security.Scope;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.domain.ChamberCoverage;
import fr.artisanat.registry.domain.Departements;
import fr.artisanat.registry.repository.KnownConventions;
import fr.artisanat.registry.repository.RegistryScope;

/**
 * Data sharing follows the convention (docs/data-sharing.md): what the registry lets a partner read of another's
 * data, answered from its projection of the conventions topic, never by asking convention-service.
 */
@ApplicationScoped
public class DataSharing {

    @Inject
    KnownConventions conventions;

    @Inject
    Departements departements;

    @Inject
    RegistryConfig config;

    /**
     * May the authority of this SIREN read the chamber's classifications of the establishments of its territory
     * today? Only while an ACTIVE convention between them, within its term, has a data-exchange line by which the
     * chamber provides its craft-registry data (CRAFT_REGISTRY). A line of the chamber's parent counts too: a
     * departmental level has no legal personality, its regional chamber signs for it. It stops when the convention
     * expires or is terminated; after a succession the successor authority reads what its predecessor could.
     */
    public boolean mayReadClassifications(String authoritySiren, UUID chamberId) {
        List<UUID> providers = providersTo(authoritySiren);
        return providers.contains(chamberId) || conventions.chamber(chamberId)
                .map(chamber -> chamber.parentId() != null && providers.contains(chamber.parentId())).orElse(false);
    }

    /**
     * The départements where the authority reads the chamber's classifications today: those covered by the chambers
     * that share their craft-registry data with it ({@link #mayReadClassifications}; a departmental level covers its
     * regional chamber's region, so its parent's line gives nothing more).
     */
    public Set<String> departementsSharedWith(String authoritySiren) {
        Set<String> shared = new TreeSet<>();
        for (UUID provider : providersTo(authoritySiren)) {
            knownCoverage(provider).ifPresent(c -> shared.addAll(c.departements()));
        }
        return shared;
    }

    private List<UUID> providersTo(String authoritySiren) {
        return conventions.registryDataProviders(authoritySiren, LocalDate.now(config.zone()));
    }

    /**
     * The départements (so the communes) whose establishments are in the chamber's part of the registry: those of its
     * region, or for a chamber of local law its own ({@link Departements#coverageOf}). A chamber the registry has not
     * seen as a party of a convention is not found.
     */
    public ChamberCoverage coverage(UUID chamberId) {
        return knownCoverage(chamberId).orElseThrow(() -> new NotFound("Chamber", chamberId));
    }

    /** What the chamber covers, none while the registry has not seen it as a party of a convention. */
    public Optional<ChamberCoverage> knownCoverage(UUID chamberId) {
        return conventions.chamber(chamberId).map(departements::coverageOf);
    }

    /**
     * What the caller may read of the registry (docs/registry.md, "Who sees what"): an administrator everything; an
     * authority the communes of its EPCI, with the classifications the conventions share with it; a chamber the
     * communes it covers; anyone else nothing.
     */
    public RegistryScope scopeOf(Caller caller) {
        return switch (Scope.of(caller)) {
            case Scope.Everything everything -> RegistryScope.everything();
            case Scope.Nothing nothing -> RegistryScope.nothing();
            case Scope.OfPartner(Partner partner) when partner.kind() == Partner.Kind.AUTHORITY ->
                RegistryScope.authority(partner.id(), departementsSharedWith(partner.id()));
            case Scope.OfPartner(Partner partner) -> {
                UUID chamber = UUID.fromString(partner.id());
                yield RegistryScope.chamber(chamber, knownCoverage(chamber).map(ChamberCoverage::departements).orElse(Set.of()));
            }
        };
    }
}
