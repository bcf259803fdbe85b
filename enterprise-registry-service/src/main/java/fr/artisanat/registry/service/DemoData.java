package fr.artisanat.registry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import fr.artisanat.platform.csv.Csv;
import fr.artisanat.platform.failure.ExpectedVersion;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Partner;
import fr.artisanat.platform.security.Roles;
import fr.artisanat.registry.config.RegistryConfig;
import fr.artisanat.registry.importer.SireneImporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The founding territories with a realistic synthetic SIRENE file (docs/demo-data.md): the 12 communes of the former
 * CA du Pays d'Aubagne et de l'Etoile defined as a territory, Valence Romans Agglo tracked from the EPCI file, the
 * demo SIRENE file imported through the real importer, and the chamber's classification of métiers d'art and of the
 * clay sector. Runs once: skipped when the Aubagne territory exists.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final String AUBAGNE_CODE = "pays-aubagne-etoile";

    /**
     * The Aubagne territory is the Métropole's (its successor), defined as its staff would; the classifications are
     * an administrator's, made before any chamber is known to the registry.
     */
    private static final Caller METROPOLE = new Caller("demo-data", Set.of(Roles.AUTHORITY_STAFF),
            Optional.of(new Partner(Partner.Kind.AUTHORITY, "200054807")));
    private static final Caller CLASSIFIER = new Caller("demo-data", Set.of(Roles.ADMIN), Optional.empty());
    /**
     * Written when the service is built, by the sirene-generator module (see this module's pom.xml): the service
     * carries the file, not the generator.
     */
    static final String DEMO_FILE = "demo/sirene-demo.csv.gz";

    /** NAF codes whose establishments the demo chamber classifies as métiers d'art, with the domain rank. */
    static final Map<String, Integer> METIERS_ART = Map.ofEntries(Map.entry("23.41Z", 6), Map.entry("23.49Z", 6),
            Map.entry("32.12Z", 4), Map.entry("32.13Z", 4), Map.entry("23.19Z", 7), Map.entry("16.29Z", 2),
            Map.entry("15.12Z", 11), Map.entry("32.20Z", 15), Map.entry("32.40Z", 14), Map.entry("95.24Z", 16),
            Map.entry("14.19Z", 9), Map.entry("23.70Z", 1), Map.entry("31.09B", 2));

    @Inject
    RegistryConfig config;

    @Inject
    TerritoryService territories;

    @Inject
    ClassificationService classifications;

    @Inject
    SireneImporter importer;

    @Inject
    EntityManager em;

    void onStart(@Observes @Priority(30) StartupEvent startup) {
        if (!config.demoData() || QuarkusTransaction.requiringNew().call(() -> !em
                .createQuery("select t.id from Territory t where t.code = :code").setParameter("code", AUBAGNE_CODE)
                .getResultList().isEmpty())) {
            return;
        }
        ClassLoader resources = Thread.currentThread().getContextClassLoader();
        if (resources.getResource(DEMO_FILE) == null) {
            throw new IllegalStateException(DEMO_FILE + " is missing: it is written when the service is built (mvnw package)");
        }
        List<String> aubagne = new ArrayList<>();
        Csv.readResource("reference/seed-territories.csv", row -> {
            if (AUBAGNE_CODE.equals(row.get("territory"))) {
                aubagne.add(row.get("insee_commune"));
            }
        });
        territories.create(new TerritoryCommands.NewTerritory(AUBAGNE_CODE,
                "Pays d'Aubagne et de l'Etoile (12 communes de l'ancienne communauté d'agglomération)", aubagne,
                java.time.LocalDate.of(2007, 1, 1), null, true), METROPOLE);
        importer.runNow("demo:generated Valence Romans and Pays d'Aubagne file",
                () -> resources.getResourceAsStream(DEMO_FILE));
        classify();
        LOG.info("Demo data loaded: founding territories, generated SIRENE file, métiers d'art and clay-sector classification");
    }

    private void classify() {
        List<Object[]> artisansDArt = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                // a classification the chamber already made is left as it is (and would need its ETag to change)
                """
                select e.siret, e.naf_code from establishment e where e.active and e.naf_code in (:codes)
                and not exists (select 1 from classification c where c.siret = e.siret) order by e.siret""")
                .setParameter("codes", METIERS_ART.keySet()).getResultList());
        for (Object[] row : artisansDArt) {
            String naf = (String) row[1];
            boolean clay = naf.startsWith("23.");
            classifications.classify((String) row[0], ExpectedVersion.unstated(), new ClassificationCommands.Classify(
                    new ClassificationCommands.MetierArt(METIERS_ART.get(naf), null),
                    clay ? List.of("filiere-argile") : List.of(), clay), CLASSIFIER);
        }
    }
}
