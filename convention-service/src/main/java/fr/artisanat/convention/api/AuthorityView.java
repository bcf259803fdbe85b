package fr.artisanat.convention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;


import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.AuthorityNature;

@Schema(name = "Authority")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityView(UUID id, @Schema(examples = "200068781") @Size(max = 9) String siren,
        @Schema(examples = "CA Valence Romans Agglo") @Size(max = 200) String name, AuthorityNature nature,
        @Schema(description = "INSEE codes of the member communes") @Size(max = 1000) List<@Size(max = 5) String> communes,
        LocalDate validFrom, LocalDate validTo, UUID successorId, long version) {

    public static AuthorityView of(Authority a) {
        return new AuthorityView(a.id, a.siren, a.name, a.nature, List.copyOf(a.communes), a.validFrom, a.validTo,
                a.successor == null ? null : a.successor.id, a.version);
    }
}
