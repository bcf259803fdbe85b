package fr.artisanat.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.csv.Csv;

/** Communes → département → region, from the reference file, and what each kind of chamber covers. */
class DepartementsTest {

    private static final Departements FRANCE = load();

    private static Departements load() {
        List<Departements.Departement> all = new ArrayList<>();
        Csv.readResource("reference/departements-regions.csv", row -> all.add(new Departements.Departement(
                row.get("departement"), row.get("departement_name"), row.get("region"), row.get("region_name"),
                row.get("local_law_chamber").isBlank() ? null : row.get("local_law_chamber"))));
        return new Departements(all);
    }

    private static ChamberCoverage coverage(String name, String level, String region) {
        return FRANCE.coverageOf(new KnownChamber(UUID.randomUUID(), name, level, region, null));
    }

    @Test
    void theDepartementOfACommune() {
        assertEquals("13", Departements.ofCommune("13005"));
        assertEquals("2A", Departements.ofCommune("2A004"));
        assertEquals("974", Departements.ofCommune("97411"));
    }

    @Test
    void aRegionalChamberCoversTheDepartementsOfItsRegionWhateverTheSpelling() {
        ChamberCoverage aura = coverage("Chambre de métiers et de l'artisanat Auvergne-Rhône-Alpes", "REGIONAL",
                "Auvergne-Rhône-Alpes");
        assertEquals(Set.of("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"), aura.departements());
        assertTrue(aura.covers("26281"), "Romans-sur-Isère");
        assertEquals(aura.departements(), coverage("CMA", "REGIONAL", "auvergne rhone alpes").departements());
        assertEquals(Set.of("2A", "2B"), coverage("CMA de Corse", "REGIONAL", "Corse").departements());
        assertTrue(coverage("CMA de La Réunion", "REGIONAL", "La Réunion").covers("97411"));
    }

    /** In Grand Est the regional chamber leaves Moselle, Bas-Rhin and Haut-Rhin to the chambers of local law. */
    @Test
    void chambersOfLocalLawCoverTheirDepartementsOnly() {
        assertEquals(Set.of("08", "10", "51", "52", "54", "55", "88"),
                coverage("CMA Grand Est", "REGIONAL", "Grand Est").departements());
        ChamberCoverage alsace = coverage("Chambre de métiers d'Alsace", "LOCAL_LAW", "Grand Est");
        assertEquals(Set.of("67", "68"), alsace.departements());
        assertEquals("Grand Est", alsace.region());
        assertEquals(Set.of("57"), coverage("Chambre de Métiers de la Moselle", "LOCAL_LAW", null).departements());
        assertFalse(coverage("Chambre de métiers d'Alsace", "LOCAL_LAW", "Grand Est").covers("57463"), "Metz");
    }

    @Test
    void whatTheFileDoesNotKnowCoversNothing() {
        assertEquals(Set.of(), coverage("CMA de test", "REGIONAL", "Test").departements());
        assertEquals(Set.of(), coverage("CMA France", "NATIONAL", null).departements());
        assertEquals(Set.of(), coverage("Chambre de métiers de Lorraine", "LOCAL_LAW", "Grand Est").departements(),
                "a chamber of local law the file does not name");
    }
}
