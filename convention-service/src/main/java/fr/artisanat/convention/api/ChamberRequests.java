package fr.artisanat.convention.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.ChamberLevel;
import fr.artisanat.convention.service.PartnerCommands;

/** Request bodies of the chambers resource, each mapped to the command of its use case. */
public final class ChamberRequests {

    private ChamberRequests() {
    }

    @Schema(name = "CreateChamber")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(examples = "Chambre de métiers et de l'artisanat de région Provence-Alpes-Côte d'Azur") String name,
            @NotNull ChamberLevel level,
            @Size(max = 100) @Schema(examples = "Provence-Alpes-Côte d'Azur") String region,
            UUID parentId,
            @Size(max = 9) @Pattern(regexp = PartnerPatterns.SIREN, message = "must be 9 digits") String siren) {

        PartnerCommands.NewChamber toCommand() {
            return new PartnerCommands.NewChamber(name, level, region, parentId, siren);
        }
    }
}
