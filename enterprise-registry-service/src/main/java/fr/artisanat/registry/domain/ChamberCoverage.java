package fr.artisanat.registry.domain;

import java.util.Set;
import java.util.UUID;

/**
 * The part of the registry a chamber covers: the départements of its region, or for a chamber of local law its own.
 * Empty when the registry cannot tell (no region, or one it does not know): it never guesses a wider one.
 */
public record ChamberCoverage(UUID chamberId, String region, Set<String> departements) {

    /** Whether the establishments of this commune (INSEE code) are in the chamber's part of the registry. */
    public boolean covers(String commune) {
        return departements.contains(Departements.ofCommune(commune));
    }
}
