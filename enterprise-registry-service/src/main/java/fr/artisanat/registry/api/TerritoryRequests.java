package fr.artisanat.registry.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.service.TerritoryCommands;

/** Request bodies of the territories resource, each mapped to the command of its use case. */
public final class TerritoryRequests {

    private TerritoryRequests() {
    }

    @Schema(name = "CreateTerritory")
    public record Create(
            @NotNull @Size(max = 60) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,59}$", message = "lowercase letters, digits and '-', 2 to 60")
            @Schema(examples = "pays-aubagne-etoile") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Pays d'Aubagne et de l'Etoile") String name,
            @NotEmpty @Size(max = 1000) @Schema(examples = "[\"13005\", \"13007\"]")
            List<@NotNull @Size(max = 5) @Pattern(regexp = EstablishmentResource.INSEE_COMMUNE, message = "must be an INSEE commune code") String> communes,
            @Schema(examples = "2007-01-01") LocalDate validFrom, LocalDate validTo,
            @Schema(description = "Whether the SIRENE import keeps this territory's establishments (default true)") Boolean tracked) {

        TerritoryCommands.NewTerritory toCommand() {
            return new TerritoryCommands.NewTerritory(code, name, communes, validFrom, validTo, tracked);
        }
    }
}
