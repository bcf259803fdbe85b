package fr.artisanat.convention.messaging.outgoing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import fr.artisanat.convention.domain.Amendment;
import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.Convention;
import fr.artisanat.platform.outbox.Outbox;

/** The integration events of conventions, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class ConventionEvents {

    public static final String TOPIC = "conventions";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** The last signature, recorded by {@code actorId} (null for the suite itself). */
    public void signed(Convention c, String actorId) {
        publish(c, "signed", new ConventionEvent(data(c), null, null, actorId));
    }

    public void activated(Convention c) {
        publish(c, "activated", new ConventionEvent(data(c), null, null, null));
    }

    public void amended(Convention c, Amendment amendment, String actorId) {
        publish(c, "amended", new ConventionEvent(data(c), AmendmentEventData.of(amendment), null, actorId));
    }

    public void transferred(Convention c, ConventionEvent.Transfer transfer) {
        publish(c, "transferred", new ConventionEvent(data(c), null, transfer, null));
    }

    public void expired(Convention c) {
        publish(c, "expired", new ConventionEvent(data(c), null, null, null));
    }

    public void terminated(Convention c, String actorId) {
        publish(c, "terminated", new ConventionEvent(data(c), null, null, actorId));
    }

    private void publish(Convention c, String what, ConventionEvent event) {
        outbox.append(TOPIC, c.id.toString(), "convention." + what + ".v1", event);
    }

    /** The state after the change, with the version it will have once committed. */
    private ConventionEventData data(Convention c) {
        em.flush();
        return ConventionEventData.of(c, id -> em.find(Authority.class, id), id -> em.find(Chamber.class, id));
    }
}
