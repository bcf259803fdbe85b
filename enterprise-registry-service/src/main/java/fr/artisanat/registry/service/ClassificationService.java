package fr.artisanat.registry.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.web.EntityTags;
import fr.artisanat.registry.api.ClassificationRequests;
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

    /** Sets the whole classification; If-Match is required once one exists (its ETag is the classification version). */
    @Transactional
    public Classification classify(String siret, String ifMatch, ClassificationRequests.Classify request) {
        requireEstablishment(siret);
        if (request.metierArt() != null && em.find(MetierArtDomain.class, request.metierArt().domain()) == null) {
            throw ApiException.invalidField("metierArt.domain", "unknown métier d'art domain " + request.metierArt().domain());
        }
        Classification classification = em.find(Classification.class, siret, LockModeType.PESSIMISTIC_WRITE);
        boolean first = classification == null;
        if (first) {
            EntityTags.checkMatch(ifMatch, 0);
            classification = new Classification();
            classification.siret = siret;
        } else {
            EntityTags.requireMatch(ifMatch, classification.version);
        }
        classification.metierArtDomain = request.metierArt() == null ? null : request.metierArt().domain();
        classification.metierArtLabel = request.metierArt() == null ? null : request.metierArt().label();
        classification.developmentPotential = Boolean.TRUE.equals(request.developmentPotential());
        classification.tags = request.tags() == null ? new String[0] : request.tags().stream().distinct().toArray(String[]::new);
        classification.updatedBy = request.recordedBy();
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
    public AdviserNote addNote(String siret, ClassificationRequests.Note request) {
        requireEstablishment(siret);
        AdviserNote note = new AdviserNote();
        note.id = UUID.randomUUID();
        note.siret = siret;
        note.author = request.author();
        note.text = request.text();
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
            throw ApiException.notFound("Establishment", siret);
        }
    }
}
