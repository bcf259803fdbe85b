package fr.artisanat.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.artisanat.registry.domain.KnownConvention;
import fr.artisanat.registry.repository.KnownConventions;

/**
 * Keeps the registry's projection of the conventions topic: each event brings the whole convention after its change,
 * which replaces what was held, unless a later version is already held (an event redelivered after later ones).
 */
@ApplicationScoped
public class ConventionProjection {

    private static final Logger LOG = Logger.getLogger(ConventionProjection.class);

    @Inject
    KnownConventions conventions;

    /** In the consumer's transaction, which also stores the event's id (platform IdempotentConsumer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(KnownConvention convention) {
        if (!conventions.saveUnlessOlder(convention)) {
            LOG.debugf("Convention %s version %d ignored: a later version is held", convention.id(), convention.version());
            return;
        }
        conventions.replaceParts(convention);
        convention.parties().stream().filter(KnownConvention.Party::isChamber)
                .forEach(party -> conventions.rememberChamber(party.chamber(), convention.changedAt()));
    }
}
