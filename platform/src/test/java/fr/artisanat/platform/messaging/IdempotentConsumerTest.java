package fr.artisanat.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.outbox.CloudEventHeaders;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A CloudEvent in binary mode, as the outbox relay publishes it; without an id when {@code eventId} is null. */
    private void send(String eventId, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            var record = new ProducerRecord<>("platform-test-greetings", "key", value);
            if (eventId != null) {
                record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
            }
            record.headers().add(CloudEventHeaders.TYPE, "greeting.sent.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private long applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from greeting where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        send(eventId, "bonjour");
        send(eventId, "bonjour");
        send(marker, "after");
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(marker) == 1);
        assertEquals(1, applied(eventId));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOnesStillFlow() throws Exception {
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        send(poison, "poison " + poison);
        send(next, "still flowing");
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(next) == 1);
        assertEquals(0, applied(poison), "the failed transaction left nothing, not even the processed mark");
        List<?> dead = TopicReader.awaitMatching("platform-test-greetings-dlq",
                r -> ("poison " + poison).equals(r.value()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
    }

    @Test
    void aRecordThatIsNoCloudEventGoesToTheDeadLetterTopic() throws Exception {
        String text = "no id " + UUID.randomUUID();
        String next = UUID.randomUUID().toString();
        send(null, text);
        send(next, "after the one without an id");
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(next) == 1);
        var dead = TopicReader.awaitMatching("platform-test-greetings-dlq", r -> text.equals(r.value()), 1,
                Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        String why = TopicReader.header(dead.get(0), "dead-letter-reason") + " / "
                + TopicReader.header(dead.get(0), "dead-letter-cause");
        assertTrue(why.contains("ce_id"), why);
    }

    /**
     * A failure that passes with time (here a real one: the table locked by another session, so that the insert
     * times out) is tried again until the event is applied, once; the event never reaches the dead-letter topic.
     */
    @Test
    void aTransientFailureIsTriedAgainUntilTheEventIsApplied() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (Connection blocker = SuiteDatabase.connect("platform_test"); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table greeting in exclusive mode");
            send(eventId, "bonjour malgré le verrou");
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(eventId) >= 2);
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId) == 1);
        assertEquals(List.of(), TopicReader.allMatching("platform-test-greetings-dlq",
                r -> eventId.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(3)));
    }

    private static int attempts(String eventId) {
        var attempts = GreetingConsumer.ATTEMPTS.get(eventId);
        return attempts == null ? 0 : attempts.get();
    }
}
