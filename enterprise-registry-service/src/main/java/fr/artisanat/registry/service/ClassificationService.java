package fr.artisanat.registry.service;

import java.time.Instant;
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
import fr.artisanat.registry.domain.AdviserNote;
import fr.artisanat.registry.domain.Classification;
import fr.artisanat.registry.domain.MetierArtDomain;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEvents;

/** The chamber's classification of establishments and its advisers' notes, with who and when. */
@ApplicationScoped
public class ClassificationService {

    @Inject
    EntityManager em;

    @Inject
    EstablishmentEvents events;

    /** Sets the whole classification; the expected version is required once one exists (the classification version). */
    @Transactional
    public Classification classify(String siret, ExpectedVersion expected, ClassificationCommands.Classify command) {
        requireEstablishment(siret);
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
        classification.updatedBy = command.recordedBy();
        classification.updatedAt = Instant.now();
        if (first) {
            em.persist(classification);
        }
        em.flush();
        // the classification is part of the establishment as the changes feed serves it: move it to the end
        em.createNativeQuery("update establishment set change_xid = " + ChangesFeed.TRANSACTION
                + ", change_seq = nextval('establishment_change_seq') where siret = :siret")
                .setParameter("siret", siret).executeUpdate();
        events.classified(siret);
        return classification;
    }

    @Transactional
    public AdviserNote addNote(String siret, ClassificationCommands.Note command) {
        requireEstablishment(siret);
        AdviserNote note = new AdviserNote();
        note.id = UUID.randomUUID();
        note.siret = siret;
        note.author = command.author();
        note.text = command.text();
        note.createdAt = Instant.now();
        em.persist(note);
        return note;
    }

    public java.util.List<AdviserNote> notes(String siret) {
        requireEstablishment(siret);
        return em.createQuery("from AdviserNote n where n.siret = :siret order by n.createdAt", AdviserNote.class)
                .setParameter("siret", siret).getResultList();
    }

    private void requireEstablishment(String siret) {
        if (em.createNativeQuery("select 1 from establishment where siret = :siret").setParameter("siret", siret)
                .getResultList().isEmpty()) {
            throw new NotFound("Establishment", siret);
        }
    }
}
