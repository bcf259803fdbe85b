package fr.artisanat.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A convention as the registry keeps it from the {@code conventions} topic: what tells who may read what. Each event
 * carries the whole convention after its change, at its {@code version}; {@code changedAt} is when that change was
 * made. {@code registryDataProviders}: the partners whose data-exchange line shares their craft-registry data.
 */
public record KnownConvention(UUID id, String reference, String status, LocalDate startDate, LocalDate endDate,
        LocalDate terminatedOn, long version, Instant changedAt, List<Party> parties, Set<UUID> registryDataProviders) {

    /**
     * A partner bound by the convention: after a succession, the successor authority, with the one it took over from.
     * {@code siren} for an authority; level, region and parent for a chamber (absent from events published before
     * they were added to the contract).
     */
    public record Party(UUID partnerId, String partnerType, String name, String siren, String chamberLevel,
            String region, UUID parentChamberId, UUID transferredFromId) {

        public boolean isChamber() {
            return "CHAMBER".equals(partnerType);
        }

        public KnownChamber chamber() {
            return new KnownChamber(partnerId, name, chamberLevel, region, parentChamberId);
        }
    }
}
