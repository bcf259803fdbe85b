package fr.artisanat.convention.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.artisanat.convention.domain.AuthorityNature;
import fr.artisanat.convention.domain.ChamberLevel;

/** What the use cases of {@link PartnerService} are asked to do, whoever asks (the HTTP API, the demo data). */
public final class PartnerCommands {

    private PartnerCommands() {
    }

    /** {@code communes}: INSEE codes of the member communes. */
    public record NewAuthority(String siren, String name, AuthorityNature nature, List<String> communes, LocalDate validFrom) {
    }

    public record NewChamber(String name, ChamberLevel level, String region, UUID parentId, String siren) {
    }

    /** {@code successorId} takes over from {@code effectiveDate}. */
    public record Succession(UUID successorId, LocalDate effectiveDate) {
    }
}
