package fr.artisanat.convention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.AuthorityNature;
import fr.artisanat.convention.service.PartnerCommands;

/** Request bodies of the authorities resource, each mapped to the command of its use case. */
public final class AuthorityRequests {

    private AuthorityRequests() {
    }

    @Schema(name = "CreateAuthority")
    public record Create(
            @NotNull @Size(max = 9) @Pattern(regexp = PartnerPatterns.SIREN, message = "must be 9 digits") @Schema(examples = "200068781") String siren,
            @NotBlank @Size(max = 200) @Schema(examples = "CA Valence Romans Agglo") String name,
            @NotNull AuthorityNature nature,
            @NotEmpty @Size(max = 1000) @Schema(description = "INSEE codes of the member communes", examples = "[\"26362\", \"26281\"]")
            List<@NotNull @Size(max = 5) @Pattern(regexp = PartnerPatterns.INSEE_COMMUNE, message = "must be an INSEE commune code") String> communes,
            @Schema(examples = "2017-01-01") LocalDate validFrom) {

        PartnerCommands.NewAuthority toCommand() {
            return new PartnerCommands.NewAuthority(siren, name, nature, communes, validFrom);
        }
    }

    @Schema(name = "RecordSuccession")
    public record Succession(
            @NotNull @Schema(description = "The authority that takes over") UUID successorId,
            @NotNull @Schema(description = "First day of the successor", examples = "2016-01-01") LocalDate effectiveDate) {

        PartnerCommands.Succession toCommand() {
            return new PartnerCommands.Succession(successorId, effectiveDate);
        }
    }
}
