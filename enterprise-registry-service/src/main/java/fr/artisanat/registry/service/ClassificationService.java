package fr.artisanat.registry.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.failure.ExpectedVersion;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.security.Caller;
import fr.artisanat.platform.security.Partner;
import fr.artisanat.platform.security.Roles;
import fr.artisanat.registry.domain.AdviserNote;
import fr.artisanat.registry.domain.Classification;
import fr.artisanat.registry.domain.MetierArtDomain;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEvents;
import fr.artisanat.registry.repository.EstablishmentQueries;
import io.quarkus.security.ForbiddenException;

/**
 * The chamber's classification of establishments and its advisers' notes, with who (the caller's id) and when. A
 * chamber writes them in its part of the registry only; an establishment outside the caller's scope is not found.
 */
@ApplicationScoped
public class ClassificationService {

    @Inject
    EntityManager em;

    @Inject
    EstablishmentEvents events;

    @Inject
    EstablishmentQueries establishments;

    @Inject
    DataSharing sharing;

    /** Sets the whole classification; the expected version is required once one exists (the classification version). */
    @Transactional
    public Classification classify(String siret, ExpectedVersion expected, ClassificationCommands.Classify command,
            Caller caller) {
        requireChamberWriting(siret, caller, "classify establishments");
        if (command.metierArt() != null && em.find(MetierArtDomain.class, command.metierArt().domain()) == null) {
            throw InvalidCommand.of("metierArt.domain", "unknown métier d'art domain " + command.metierArt().domain());
        }
        Classification classification = em.find(Classification.class, siret, LockModeType.PESSIMISTIC_WRITE);
        boolean first = classification == null;
        if (first) {
            expected.check(0);
            classification = new Classification();
            classification.siret = siret;
        } else {
            expected.require(classification.version);
        }
        classification.metierArtDomain = command.metierArt() == null ? null : command.metierArt().domain();
        classification.metierArtLabel = command.metierArt() == null ? null : command.metierArt().label();
        classification.developmentPotential = Boolean.TRUE.equals(command.developmentPotential());
        classification.tags = command.tags() == null ? new String[0] : command.tags().stream().distinct().toArray(String[]::new);
        classification.updatedBy = caller.id();
        classification.updatedAt = Instant.now();
        if (first) {
            em.persist(classification);
        }
        em.flush();
        // the classification is part of the establishment as the changes feed serves it: move it to the end
        em.createNativeQuery("update establishment set change_xid = " + ChangesFeed.TRANSACTION
                + ", change_seq = nextval('establishment_change_seq') where siret = :siret")
                .setParameter("siret", siret).executeUpdate();
        events.classified(siret, caller.id());
        return classification;
    }

    /** The note is the caller's chamber's (none for an administrator's): only that chamber reads it. */
    @Transactional
    public AdviserNote addNote(String siret, String text, Caller caller) {
        requireChamberWriting(siret, caller, "write advisers' notes");
        AdviserNote note = new AdviserNote();
        note.id = UUID.randomUUID();
        note.siret = siret;
        note.author = caller.id();
        note.chamberId = chamberOf(caller);
        note.text = text;
        note.createdAt = Instant.now();
        em.persist(note);
        return note;
    }

    /** The notes of the caller's chamber (an administrator: every note); never an authority's to read. */
    public List<AdviserNote> notes(String siret, Caller caller) {
        requireChamberWriting(siret, caller, "read advisers' notes");
        if (caller.hasRole(Roles.ADMIN)) {
            return em.createQuery("from AdviserNote n where n.siret = :siret order by n.createdAt", AdviserNote.class)
                    .setParameter("siret", siret).getResultList();
        }
        return em.createQuery("from AdviserNote n where n.siret = :siret and n.chamberId = :chamber order by n.createdAt",
                AdviserNote.class).setParameter("siret", siret).setParameter("chamber", chamberOf(caller)).getResultList();
    }

    /**
     * Not found outside the caller's scope (whatever its role, so that others' ids do not leak); forbidden in scope to
     * anyone but a chamber or an administrator.
     */
    private void requireChamberWriting(String siret, Caller caller, String action) {
        if (establishments.bySiret(siret, sharing.scopeOf(caller)).isEmpty()) {
            throw new NotFound("Establishment", siret);
        }
        if (!caller.hasRole(Roles.ADMIN) && chamberOf(caller) == null) {
            throw new ForbiddenException("Only a chamber may " + action);
        }
    }

    private static UUID chamberOf(Caller caller) {
        return caller.partner().filter(p -> p.kind() == Partner.Kind.CHAMBER).map(p -> UUID.fromString(p.id())).orElse(null);
    }
}
