package fr.artisanat.registry.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.domain.Territory;

@Schema(name = "Territory")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryView(UUID id, @Schema(examples = "epci-200068781") @Size(max = 60) String code,
        @Schema(examples = "CA Valence Romans Agglo") @Size(max = 200) String name, Territory.Kind kind, @Size(max = 9) String siren,
        LocalDate validFrom, LocalDate validTo, boolean tracked, @Size(max = 1000) List<@Size(max = 5) String> communes, long version) {

    public static TerritoryView of(Territory t, List<String> communes) {
        return new TerritoryView(t.id, t.code, t.name, t.kind, t.siren, t.validFrom, t.validTo, t.tracked, communes, t.version);
    }
}
