package fr.artisanat.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
import fr.artisanat.platform.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void send(String eventId, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            var record = new ProducerRecord<>("platform-test-greetings", "key", value);
            record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
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
}
