package fr.artisanat.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.ServiceLocks;
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * While a writer fills the outbox in bulk (it holds the bulk-write lock), a run of the relay publishes one batch and
 * stops although more is pending; once the writer lets go, the next run publishes the rest, in order. The relay is
 * run by hand here (its schedule is off), so that each run is one the test sees.
 */
@QuarkusTest
@TestProfile(OutboxBulkWriteTest.RelayByHand.class)
class OutboxBulkWriteTest {

    private static final String TOPIC = "platform-test-outbox";

    public static class RelayByHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    ServiceLocks locks;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void aBulkWriterHoldsTheRelayToOneBatchPerRunThenItCatchesUpInOrder() throws Exception {
        relay.relay(); // what earlier tests left pending
        String aggregate = "bulk-" + UUID.randomUUID();
        int events = 2 * config.batchSize() + 10;
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, events)
                .forEach(n -> outbox.append(TOPIC, aggregate, "test.happened.v1", Map.of("n", n))));

        try (Connection writer = dataSource.getConnection()) {
            locks.lockForSession(writer, ServiceLocks.OUTBOX_BULK_WRITE);
            relay.relay();
            assertEquals(config.batchSize(), published(aggregate), "one batch while the writer writes");
            relay.relay();
            assertEquals(2 * config.batchSize(), published(aggregate), "and one more at the next poll");
            locks.unlockForSession(writer, ServiceLocks.OUTBOX_BULK_WRITE);
        }
        relay.relay();
        assertEquals(events, published(aggregate), "the rest at once when it is done");

        List<String> order = TopicReader.awaitMatching(TOPIC, r -> aggregate.equals(r.key()), events, Duration.ofMinutes(1))
                .stream().map(r -> r.value()).toList();
        assertEquals(IntStream.range(0, events).mapToObj(n -> "{\"n\":" + n + "}").toList(), order);
    }

    private long published(String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = :id and published_at is not null")
                .setParameter("id", aggregate).getSingleResult()).longValue());
    }
}
