package fr.artisanat.registry.service;

import java.time.LocalDate;
import java.util.List;

/** What the use cases of {@link TerritoryService} are asked to do, whoever asks (the HTTP API, the demo data). */
public final class TerritoryCommands {

    private TerritoryCommands() {
    }

    /** {@code communes}: INSEE codes; {@code tracked} absent means tracked. */
    public record NewTerritory(String code, String name, List<String> communes, LocalDate validFrom, LocalDate validTo,
            Boolean tracked) {
    }
}
