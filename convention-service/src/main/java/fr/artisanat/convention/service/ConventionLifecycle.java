package fr.artisanat.convention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionParty;
import fr.artisanat.convention.messaging.outgoing.ConventionEvent;
import fr.artisanat.convention.messaging.outgoing.ConventionEvents;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.repository.ConventionRepository;

/**
 * The date-driven part of the lifecycle: activation on the start date, transfer to a successor authority on the
 * succession date, expiry after the end date, applied in that order. Each step checks the current status under a
 * row lock, so however often it runs, each transition happens once.
 */
@ApplicationScoped
public class ConventionLifecycle {

    private static final Logger LOG = Logger.getLogger(ConventionLifecycle.class);

    @Inject
    ConventionRepository conventions;

    @Inject
    AuthorityRepository authorities;

    @Inject
    ConventionEvents events;

    @Inject
    Clock clock;

    @Transactional
    public void advance(UUID conventionId) {
        conventions.findForUpdate(conventionId).ifPresent(c -> advance(c, LocalDate.now(clock)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Convention convention, LocalDate today) {
        if (convention.activateIfDue(today)) {
            events.activated(convention);
        }
        boolean transferred;
        do {
            transferred = false;
            for (ConventionParty party : convention.authorityParties()) {
                Authority from = authorities.findById(party.partnerId);
                var holder = convention.transferIfDue(from, today);
                if (holder.isPresent()) {
                    transferred = true;
                    LOG.infof("Convention %s passed from %s to %s", convention.reference, from.name, from.successor.name);
                    events.transferred(convention, new ConventionEvent.Transfer(from.id, from.name, from.successor.id,
                            from.successor.name, from.successionDate()));
                    break;
                }
            }
        } while (transferred);
        if (convention.expireIfDue(today)) {
            events.expired(convention);
        }
    }
}
