package fr.artisanat.convention.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.platform.PlatformSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Moves conventions along by date without anyone asking: at start-up, then at every interval. */
@ApplicationScoped
public class LifecycleScheduler {

    private static final Logger LOG = Logger.getLogger(LifecycleScheduler.class);

    @Inject
    ConventionRepository conventions;

    @Inject
    ConventionLifecycle lifecycle;

    @Inject
    PlatformSchema schema;

    @Scheduled(every = "${convention.lifecycle-interval:15m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void advanceAll() {
        for (var id : QuarkusTransaction.requiringNew().call(conventions::idsInForce)) {
            if (!schema.isReady()) {
                return; // shutting down: the next start carries on
            }
            try {
                lifecycle.advance(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not advance convention %s; will retry at the next pass", id);
            }
        }
    }
}
