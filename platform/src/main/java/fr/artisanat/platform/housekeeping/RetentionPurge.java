package fr.artisanat.platform.housekeeping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import fr.artisanat.platform.PlatformSchema;
import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.idempotency.IdempotencyConfig;
import fr.artisanat.platform.outbox.OutboxConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the platform's rows that production no longer needs: published outbox events after
 * {@code platform.outbox.retention}, idempotency records after {@code platform.idempotency.retention}. Unpublished
 * and parked events always stay. Deletes go in batches, each its own short transaction under the service's
 * {@link ServiceLocks#HOUSEKEEPING} lock: one replica purges at a time and none holds back vacuum for long.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    PlatformSchema schema;

    @Inject
    ServiceLocks locks;

    @Inject
    OutboxConfig outbox;

    @Inject
    IdempotencyConfig idempotency;

    /** How many rows one run deleted. */
    public record Purged(long outboxEvents, long idempotencyRecords) {
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isReady()) {
            purge();
        }
    }

    /** Deletes what is past its retention now; nothing when another instance is purging at the same time. */
    public Purged purge() {
        Instant now = Instant.now();
        long outboxEvents = deleteInBatches("""
                delete from outbox_event where seq in
                    (select seq from outbox_event where published_at < :before order by seq limit :batch)""",
                now.minus(outbox.retention()));
        long idempotencyRecords = deleteInBatches("""
                delete from idempotency_record where (scope, idempotency_key) in
                    (select scope, idempotency_key from idempotency_record where created_at < :before
                     order by created_at limit :batch)""",
                now.minus(idempotency.retention()));
        Purged purged = new Purged(outboxEvents, idempotencyRecords);
        if (purged.outboxEvents() + purged.idempotencyRecords() > 0) {
            LOG.infof("Purged %d published outbox events and %d idempotency records past their retention",
                    purged.outboxEvents(), purged.idempotencyRecords());
        }
        return purged;
    }

    /** The rows deleted; it stops when another instance holds the lock, since that one is deleting them. */
    private long deleteInBatches(String delete, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> !locks.tryLockForTransaction(ServiceLocks.HOUSEKEEPING)
                    ? 0
                    : em.createNativeQuery(delete).setParameter("before", before).setParameter("batch", BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
