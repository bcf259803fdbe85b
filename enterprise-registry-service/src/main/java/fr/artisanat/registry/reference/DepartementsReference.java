package fr.artisanat.registry.reference;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fr.artisanat.platform.csv.Csv;
import fr.artisanat.registry.domain.Departements;

/** The départements and their regions, read once from the file copied from shared/data. */
@ApplicationScoped
public class DepartementsReference {

    static final String FILE = "reference/departements-regions.csv";

    @Produces
    @Singleton
    Departements departements() {
        List<Departements.Departement> all = new ArrayList<>();
        Csv.readResource(FILE, row -> all.add(new Departements.Departement(row.get("departement"),
                row.get("departement_name"), row.get("region"), row.get("region_name"),
                row.get("local_law_chamber").isBlank() ? null : row.get("local_law_chamber"))));
        return new Departements(all);
    }
}
