package fr.artisanat.convention.messaging.outgoing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import fr.artisanat.convention.api.AmendmentView;
import fr.artisanat.convention.api.ConventionView;
import fr.artisanat.convention.domain.Amendment;
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

    public void signed(Convention c) {
        publish(c, "signed", new ConventionEvent(view(c), null, null));
    }

    public void activated(Convention c) {
        publish(c, "activated", new ConventionEvent(view(c), null, null));
    }

    public void amended(Convention c, Amendment amendment) {
        publish(c, "amended", new ConventionEvent(view(c), AmendmentView.of(amendment), null));
    }

    public void transferred(Convention c, ConventionEvent.Transfer transfer) {
        publish(c, "transferred", new ConventionEvent(view(c), null, transfer));
    }

    public void expired(Convention c) {
        publish(c, "expired", new ConventionEvent(view(c), null, null));
    }

    public void terminated(Convention c) {
        publish(c, "terminated", new ConventionEvent(view(c), null, null));
    }

    private void publish(Convention c, String what, ConventionEvent event) {
        outbox.append(TOPIC, c.id.toString(), "convention." + what + ".v1", event);
    }

    /** The state after the change, with the version it will have once committed. */
    private ConventionView view(Convention c) {
        em.flush();
        return ConventionView.of(c);
    }
}
