package fr.artisanat.platform.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.outbox.ParkedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Rows past their retention go; recent ones, and events not yet published, stay; one instance purges at a time. */
@QuarkusTest
class RetentionPurgeTest {

    private static final String SCOPE = "POST /test-" + UUID.randomUUID();

    @Inject
    RetentionPurge purge;

    @Inject
    ServiceLocks locks;

    @Inject
    ParkedEvents parkedEvents;

    @Inject
    EntityManager em;

    private final String aggregate = "purge-" + UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from outbox_event where aggregate_id = :id").setParameter("id", aggregate).executeUpdate();
            em.createNativeQuery("delete from idempotency_record where scope = :scope").setParameter("scope", SCOPE).executeUpdate();
        });
        parkedEvents.refresh();
    }

    /** Outbox rows of this test by name, with their age in days and their state. */
    private void outboxRow(String name, int daysAgo, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox_event (event_id, topic, aggregate_id, event_type, source, payload, occurred_at,
                                          published_at, parked_at, parked_reason)
                values (gen_random_uuid(), 'platform-test-purge', :aggregate, :name, '/platform-test', '{}',
                        now() - make_interval(days => :days),
                        case when :state = 'published' then now() - make_interval(days => :days) end,
                        case when :state = 'parked' then now() - make_interval(days => :days) end,
                        case when :state = 'parked' then 'refused' end)""")
                .setParameter("aggregate", aggregate).setParameter("name", name).setParameter("days", daysAgo)
                .setParameter("state", state).executeUpdate());
    }

    private void idempotencyRecord(String key, int hoursAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into idempotency_record (scope, idempotency_key, request_hash, status, created_at)
                values (:scope, :key, repeat('0', 64), 201, now() - make_interval(hours => :hours))""")
                .setParameter("scope", SCOPE).setParameter("key", key).setParameter("hours", hoursAgo).executeUpdate());
    }

    @SuppressWarnings("unchecked") // a native query's result list is raw
    private List<String> outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_type from outbox_event where aggregate_id = :id order by event_type", String.class)
                .setParameter("id", aggregate).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> idempotencyKeys() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select idempotency_key from idempotency_record where scope = :scope order by idempotency_key", String.class)
                .setParameter("scope", SCOPE).getResultList());
    }

    private void rowsOfEveryAge() {
        // platform.outbox.retention is 7 days, platform.idempotency.retention 1 day
        outboxRow("old-published", 8, "published");
        outboxRow("recent-published", 1, "published");
        outboxRow("old-parked", 8, "parked");
        idempotencyRecord("old", 25);
        idempotencyRecord("recent", 1);
    }

    @Test
    void rowsPastTheirRetentionAreDeletedTheOthersStay() {
        rowsOfEveryAge();
        purge.purge();
        assertEquals(List.of("old-parked", "recent-published"), outboxRows(), "an event not yet published stays, however old");
        assertEquals(List.of("recent"), idempotencyKeys());
    }

    @Test
    void whileAnotherInstancePurgesThisOneLeavesTheRowsToIt() throws Exception {
        rowsOfEveryAge();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            locks.tryLockForTransaction(ServiceLocks.HOUSEKEEPING);
            held.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        held.await(1, TimeUnit.MINUTES);
        try {
            assertEquals(new RetentionPurge.Purged(0, 0), purge.purge());
            assertEquals(List.of("old-parked", "old-published", "recent-published"), outboxRows());
            assertEquals(List.of("old", "recent"), idempotencyKeys());
        } finally {
            release.countDown();
            otherInstance.get(1, TimeUnit.MINUTES);
        }
        purge.purge();
        assertEquals(List.of("old-parked", "recent-published"), outboxRows(), "purged once the other instance is done");
    }
}
