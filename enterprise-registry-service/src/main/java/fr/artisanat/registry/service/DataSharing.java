package fr.artisanat.registry.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.domain.ChamberCoverage;
import fr.artisanat.registry.domain.Departements;
import fr.artisanat.registry.repository.KnownConventions;

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
        return conventions.registryDataShared(authoritySiren, chamberId, LocalDate.now(config.zone()));
    }

    /**
     * The départements (so the communes) whose establishments are in the chamber's part of the registry: those of its
     * region, or for a chamber of local law its own ({@link Departements#coverageOf}). A chamber the registry has not
     * seen as a party of a convention is not found.
     */
    public ChamberCoverage coverage(UUID chamberId) {
        return conventions.chamber(chamberId).map(departements::coverageOf)
                .orElseThrow(() -> new NotFound("Chamber", chamberId));
    }
}
