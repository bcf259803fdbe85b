package fr.artisanat.convention.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fr.artisanat.convention.config.ConventionConfig;
import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.ChamberLevel;
import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.FundingPurpose;
import fr.artisanat.convention.domain.MeetingFrequency;
import fr.artisanat.convention.domain.SharedData;
import fr.artisanat.convention.domain.Signatory;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.repository.ChamberRepository;
import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.convention.service.ConventionCommands.Draft;
import fr.artisanat.convention.service.ConventionCommands.Governance;
import fr.artisanat.convention.service.ConventionCommands.NewDataExchange;
import fr.artisanat.convention.service.ConventionCommands.NewFunding;
import fr.artisanat.convention.service.ConventionCommands.NewSignatory;
import fr.artisanat.convention.service.ConventionCommands.Parties;
import fr.artisanat.convention.service.ConventionCommands.Signature;
import fr.artisanat.convention.service.PartnerCommands.NewChamber;
import fr.artisanat.convention.service.PartnerCommands.Succession;
import fr.artisanat.platform.failure.ExpectedVersion;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The two founding partnerships (docs/demo-data.md), entered through the same use cases as any client would, so
 * the lifecycle, history and events are the real ones. Runs once: skipped when the Aubagne convention exists.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final String AUBAGNE_REFERENCE = "AUBAGNE-CMAR-PACA-2015";
    public static final String AUBAGNE_SIREN = "241300268";
    public static final String METROPOLE_AMP_SIREN = "200054807";
    public static final String VALENCE_ROMANS_SIREN = "200068781";
    /** The demo chambers' ids are fixed: the identity provider's realm names them as the partner of its demo users and systems. */
    public static final UUID CMAR_PACA_ID = UUID.fromString("c0000000-0000-4000-8000-000000000093");
    public static final UUID CMA_AURA_ID = UUID.fromString("c0000000-0000-4000-8000-000000000084");
    public static final UUID CMA_AURA_DROME_ID = UUID.fromString("c0000000-0000-4000-8000-000000008426");

    /** The suite itself loads the demo: an admin with no id, so that its history and events name no actor. */
    private static final Caller SUITE = new Caller(null, Set.of(Roles.ADMIN), Optional.empty());

    @Inject
    ConventionConfig config;

    @Inject
    PartnerService partners;

    @Inject
    ConventionService conventions;

    @Inject
    ConventionRepository conventionRepository;

    @Inject
    AuthorityRepository authorities;

    @Inject
    ChamberRepository chambers;

    void onStart(@Observes @Priority(30) StartupEvent startup) {
        if (config.demoData() && !QuarkusTransaction.requiringNew().call(() -> conventionRepository.referenceExists(AUBAGNE_REFERENCE))) {
            QuarkusTransaction.requiringNew().run(this::load);
            LOG.info("Demo data loaded: the Aubagne 2015 and Valence Romans partnerships");
        }
    }

    void load() {
        registerChambers();
        aubagne();
        valenceRomans();
    }

    /**
     * The demo chambers, each registered unless it is already: the tests of authorization register them alone, as the
     * partners the realm's demo users and systems act for.
     */
    public void registerChambers() {
        chamber(CMAR_PACA_ID, new NewChamber("Chambre de métiers et de l'artisanat de région Provence-Alpes-Côte d'Azur",
                ChamberLevel.REGIONAL, "Provence-Alpes-Côte d'Azur", null, null));
        chamber(CMA_AURA_ID, new NewChamber("Chambre de métiers et de l'artisanat Auvergne-Rhône-Alpes", ChamberLevel.REGIONAL,
                "Auvergne-Rhône-Alpes", null, null));
        chamber(CMA_AURA_DROME_ID, new NewChamber("CMA Auvergne-Rhône-Alpes, niveau départemental de la Drôme",
                ChamberLevel.DEPARTMENTAL, "Auvergne-Rhône-Alpes", CMA_AURA_ID, null));
    }

    private Chamber chamber(UUID id, NewChamber chamber) {
        return chambers.findByIdOptional(id).orElseGet(() -> partners.createChamber(id, chamber));
    }

    private void aubagne() {
        Authority aubagne = authority(AUBAGNE_SIREN);
        Chamber cmar = chambers.findById(CMAR_PACA_ID);
        Convention framework = conventions.create(SUITE, new Draft(AUBAGNE_REFERENCE, ConventionKind.FRAMEWORK,
                "Convention cadre de partenariat entre la Communauté d'agglomération du Pays d'Aubagne et de l'Etoile "
                        + "et la Chambre de métiers et de l'artisanat de région PACA",
                new Parties(List.of(aubagne.id), List.of(cmar.id)),
                List.of(new NewSignatory(aubagne.id, "Sylvia Barthélémy", "Présidente de la communauté d'agglomération"),
                        new NewSignatory(cmar.id, "André Bendano", "Président de la CMAR PACA")),
                LocalDate.of(2015, 10, 20), null, 5,
                List.of("Coordonner les efforts de soutien aux entreprises artisanales du territoire",
                        "Échanger informations et données sur le secteur de l'artisanat",
                        "Développeur territorial dédié au territoire, missions fixées chaque année par une convention annuelle d'objectifs"),
                List.of(),
                List.of(new NewFunding(aubagne.id, cmar.id, FundingPurpose.TERRITORIAL_DEVELOPER_POST,
                        "Poste de développeur territorial créé par la chambre et financé par l'agglomération",
                        new BigDecimal("45000.00"), "EUR", 2016, 2020)),
                List.of(new NewDataExchange(cmar.id, SharedData.CRAFT_REGISTRY, "Données du répertoire des métiers sur les entreprises artisanales du territoire"),
                        new NewDataExchange(aubagne.id, SharedData.OTHER, "Informations économiques et foncières du territoire")),
                new Governance("Comité de pilotage", MeetingFrequency.ANNUAL), null, List.of()));
        signAll(framework, LocalDate.of(2015, 10, 20));
        if (aubagne.successor == null) { // a database where the merger was already recorded keeps it as it is
            partners.recordSuccession(aubagne.id,
                    new Succession(authority(METROPOLE_AMP_SIREN).id, LocalDate.of(2016, 1, 1)));
        }
    }

    private void valenceRomans() {
        Authority agglo = authority(VALENCE_ROMANS_SIREN);
        Chamber regional = chambers.findById(CMA_AURA_ID);
        Parties parties = new Parties(List.of(agglo.id), List.of(regional.id));
        List<NewSignatory> signatories = List.of(
                new NewSignatory(agglo.id, "Laurent Monnet", "Vice-président de Valence Romans Agglo en charge de l'économie"),
                new NewSignatory(regional.id, "Président de la CMA Auvergne-Rhône-Alpes", "Président"));
        Convention jema = conventions.create(SUITE, new Draft("VRA-CMA-JEMA-2024", ConventionKind.ANNUAL_THEMATIC,
                "Convention annuelle Valence Romans Agglo et CMA : Journées européennes des métiers d'art 2024",
                parties, signatories, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null,
                List.of("Journées européennes des métiers d'art (Jema)"), List.of(), List.of(), List.of(),
                null, null, List.of()));
        signAll(jema, LocalDate.of(2024, 1, 1));
        Convention multiYear = conventions.create(SUITE, new Draft("VRA-CMA-2025-2027", ConventionKind.MULTI_YEAR,
                "Convention trisannuelle Valence Romans Agglo et Chambre de métiers et de l'artisanat pour soutenir l'artisanat local",
                parties, signatories, LocalDate.of(2025, 1, 1), null, 3,
                List.of("Ancrage local", "Circuits courts", "Savoir-faire d'exception",
                        "Journées européennes des métiers d'art (Jema)"),
                List.of("Environ 7 000 entreprises artisanales et 12 000 emplois non délocalisables à accompagner",
                        "250 artisans d'art, gardiens de savoir-faire d'exception, à faire connaître",
                        "Des métiers implantés en ville comme à la campagne, du boulanger au tailleur de pierre"),
                List.of(),
                List.of(new NewDataExchange(regional.id, SharedData.CRAFT_STATISTICS, "Statistiques des entreprises artisanales du territoire"),
                        new NewDataExchange(agglo.id, SharedData.OTHER, "Programme des manifestations économiques du territoire")),
                new Governance("Comité de pilotage", MeetingFrequency.SEMI_ANNUAL), jema.id, List.of()));
        signAll(multiYear, LocalDate.of(2025, 1, 1));
    }

    private void signAll(Convention convention, LocalDate on) {
        for (UUID signatory : convention.signatories.stream().map((Signatory s) -> s.id).toList()) {
            conventions.sign(SUITE, convention.id, ExpectedVersion.unstated(), new Signature(signatory, on));
        }
    }

    private Authority authority(String siren) {
        return authorities.findBySiren(siren)
                .orElseThrow(() -> new IllegalStateException("Reference data lacks authority " + siren));
    }
}
