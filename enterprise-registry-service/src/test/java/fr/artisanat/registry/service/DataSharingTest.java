package fr.artisanat.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.registry.ConventionTopic;
import fr.artisanat.registry.ConventionTopic.Authority;
import fr.artisanat.registry.ConventionTopic.Chamber;
import fr.artisanat.registry.ConventionTopic.Convention;
import fr.artisanat.registry.ProjectionTables;
import fr.artisanat.registry.domain.ChamberCoverage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "May authority X read chamber C's classifications of its territory's establishments today?" and "which part of the
 * registry does chamber C cover?", answered from what the conventions topic told the registry.
 */
@QuarkusTest
class DataSharingTest {

    @Inject
    DataSharing sharing;

    @Inject
    ProjectionTables projection;

    private final Authority agglo = Authority.named("Agglo du partage");
    private final Chamber chamber = Chamber.regional("CMA du partage", "Provence-Alpes-Côte d'Azur");

    /** Publishes the state and waits until the registry holds it. */
    private Convention told(Convention convention) {
        ConventionTopic.publish(convention);
        projection.awaitVersion(convention.id(), convention.version());
        return convention;
    }

    private boolean mayRead(Authority authority, Chamber provider) {
        return sharing.mayReadClassifications(authority.siren(), provider.id());
    }

    @Test
    void onlyWhileAnActiveConventionHasTheChambersRegistryDataLine() {
        Convention active = told(Convention.between(agglo, chamber).sharingRegistryData());

        assertTrue(mayRead(agglo, chamber));
        assertFalse(mayRead(Authority.named("Agglo voisine"), chamber), "another authority");
        assertFalse(mayRead(agglo, Chamber.regional("Autre CMA", "Occitanie")), "another chamber");

        told(active.next("EXPIRED"));
        assertFalse(mayRead(agglo, chamber), "it stops when the convention expires");
    }

    @Test
    void itStopsWhenTheConventionIsTerminated() {
        Convention active = told(Convention.between(agglo, chamber).sharingRegistryData());
        assertTrue(mayRead(agglo, chamber));

        told(active.next("TERMINATED"));
        assertFalse(mayRead(agglo, chamber));
    }

    @Test
    void notBeforeTheConventionIsInForceNorAfterItsTerm() {
        told(Convention.between(agglo, chamber).sharingRegistryData().in("SIGNED")
                .term(ConventionTopic.today().plusDays(1), ConventionTopic.today().plusYears(1)));
        assertFalse(mayRead(agglo, chamber), "signed, in force from tomorrow");

        Authority late = Authority.named("Agglo dont la convention a pris fin hier");
        told(Convention.between(late, chamber).sharingRegistryData()
                .term(ConventionTopic.today().minusYears(3), ConventionTopic.today().minusDays(1)));
        assertFalse(mayRead(late, chamber), "its term ended yesterday, even before the expiry event");
    }

    @Test
    void otherLinesOfTheClauseShareNothing() {
        Convention convention = Convention.between(agglo, chamber).sharing(chamber.id(), "CRAFT_STATISTICS");
        told(convention.sharing(agglo.id(), "OTHER"));

        assertFalse(mayRead(agglo, chamber), "statistics are no registry data");
    }

    /** The party passed to the successor: it reads what its predecessor could, the predecessor no longer does. */
    @Test
    void theSuccessorAuthorityReadsWhatItsPredecessorCould() {
        Convention before = told(Convention.between(agglo, chamber).sharingRegistryData());
        Authority metropole = Authority.named("Métropole qui succède");
        assertFalse(mayRead(metropole, chamber));

        Convention after = before.transferredTo(metropole);
        ConventionTopic.publishTransfer(after);
        projection.awaitVersion(after.id(), after.version());

        assertTrue(mayRead(metropole, chamber));
        assertFalse(mayRead(agglo, chamber));
    }

    /** A departmental level has no legal personality: its regional chamber signs, and shares, for it. */
    @Test
    void theRegionalChambersLineCoversItsDepartmentalLevels() {
        Chamber regional = Chamber.regional("CMA Auvergne-Rhône-Alpes (partage)", "Auvergne-Rhône-Alpes");
        Chamber drome = regional.departmentalLevel("CMA Auvergne-Rhône-Alpes, niveau de la Drôme (partage)");
        told(Convention.between(agglo, regional).sharingRegistryData());
        told(Convention.between(Authority.named("Agglo de la Drôme"), drome)); // the registry learns the level's parent

        assertTrue(mayRead(agglo, drome));
        assertTrue(mayRead(agglo, regional));
    }

    @Test
    void aChamberCoversItsRegion() {
        told(Convention.between(agglo, chamber));

        ChamberCoverage coverage = sharing.coverage(chamber.id());

        assertEquals("Provence-Alpes-Côte d'Azur", coverage.region());
        assertEquals(Set.of("04", "05", "06", "13", "83", "84"), coverage.departements());
        assertTrue(coverage.covers("13005"), "Aubagne");
        assertFalse(coverage.covers("26281"), "Romans-sur-Isère");
        assertThrows(NotFound.class, () -> sharing.coverage(UUID.randomUUID()), "a chamber the registry never saw");
    }
}
