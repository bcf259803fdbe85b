package fr.artisanat.registry.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.TopicReader;
import fr.artisanat.registry.ConventionTopic;
import fr.artisanat.registry.ConventionTopic.Authority;
import fr.artisanat.registry.ConventionTopic.Chamber;
import fr.artisanat.registry.ConventionTopic.Convention;
import fr.artisanat.registry.ProjectionTables;
import fr.artisanat.registry.messaging.incoming.ConventionEventsConsumer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Events published to the real conventions topic, as convention-service publishes them, update the registry's
 * projection through its consumer: once per event, in version order, poison events set aside, and rebuilt the same
 * from the topic's beginning.
 */
@QuarkusTest
class ConventionProjectionTest {

    private static final String DEAD_LETTERS = "conventions-dlq-enterprise-registry-service";

    @Inject
    ProjectionTables projection;

    @Inject
    ConventionEventsConsumer consumer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Convention convention() {
        Chamber cmar = Chamber.regional("CMAR Provence-Alpes-Côte d'Azur (projection)", "Provence-Alpes-Côte d'Azur");
        return Convention.between(Authority.named("CA de la projection"), cmar);
    }

    @Test
    void anEventUpdatesTheProjection() {
        Chamber regional = Chamber.regional("CMA Auvergne-Rhône-Alpes (projection)", "Auvergne-Rhône-Alpes");
        Chamber drome = regional.departmentalLevel("CMA Auvergne-Rhône-Alpes, niveau de la Drôme (projection)");
        Convention convention = Convention.between(Authority.named("Agglo de la projection"), drome)
                .sharing(drome.id(), "CRAFT_REGISTRY").sharing(drome.id(), "CRAFT_STATISTICS");
        convention = convention.sharing(convention.authority().id(), "OTHER");

        ConventionTopic.publish(convention);
        projection.awaitVersion(convention.id(), 1);

        assertEquals("ACTIVE", projection.column(convention.id(), "status"));
        assertEquals(ConventionTopic.today().plusYears(3).minusDays(1).toString(), projection.column(convention.id(), "end_date"));
        assertEquals(List.of("AUTHORITY | " + convention.authority().siren(), "CHAMBER | null"), projection.rows(
                "select partner_type, siren from known_convention_party where convention_id = ?1 order by partner_type",
                convention.id()));
        assertEquals(List.of(drome.id().toString()), projection.rows(
                "select provider_id from registry_data_clause where convention_id = ?1", convention.id()),
                "only the line by which the chamber provides its craft-registry data");
        assertEquals(List.of("DEPARTMENTAL | Auvergne-Rhône-Alpes | " + regional.id()), projection.rows(
                "select level, region, parent_id from known_chamber where id = ?1", drome.id()));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Convention signed = convention().in("SIGNED");
        String signedEvent = ConventionTopic.publish(signed);
        projection.awaitVersion(signed.id(), 1);
        String writer = projection.lastWriter(signed.id());

        ConventionTopic.send(signedEvent, "convention.signed.v1", signed.id().toString(), signed.data("convention.signed.v1"));
        Convention marker = convention();
        ConventionTopic.publish(marker);
        projection.awaitVersion(marker.id(), 1);

        assertEquals(writer, projection.lastWriter(signed.id()), "the redelivered event did not even rewrite the row");
        assertEquals(List.of("1"), projection.rows("select count(*) from processed_event where event_id = ?1", signedEvent));
        ConventionTopic.publish(signed.next("ACTIVE"));
        projection.awaitVersion(signed.id(), 2);
        assertEquals("ACTIVE", projection.column(signed.id(), "status"));
    }

    @Test
    void anEventOlderThanTheVersionHeldIsIgnored() {
        Convention active = convention().sharingRegistryData();
        ConventionTopic.publish(active.next("TERMINATED"));
        projection.awaitVersion(active.id(), 2);

        ConventionTopic.publish(active);
        Convention marker = convention();
        ConventionTopic.publish(marker);
        projection.awaitVersion(marker.id(), 1);

        assertEquals(2, projection.version(active.id()));
        assertEquals("TERMINATED", projection.column(active.id(), "status"), "version 1, delivered late, changed nothing");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String notJson = "poison " + UUID.randomUUID();
        Convention withoutVersion = convention();
        String noVersion = withoutVersion.data("convention.activated.v1").replace("\"version\":1,", "");
        ConventionTopic.send(UUID.randomUUID().toString(), "convention.activated.v1", UUID.randomUUID().toString(), notJson);
        ConventionTopic.send(UUID.randomUUID().toString(), "convention.activated.v1", withoutVersion.id().toString(), noVersion);
        Convention next = convention();
        ConventionTopic.publish(next);

        projection.awaitVersion(next.id(), 1);
        assertEquals(-1, projection.version(withoutVersion.id()));
        List<ConsumerRecord<String, String>> dead = TopicReader.awaitMatching(DEAD_LETTERS,
                r -> notJson.equals(r.value()) || noVersion.equals(r.value()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "both poison events are set aside, with why");
        for (ConsumerRecord<String, String> record : dead) {
            String why = TopicReader.header(record, "dead-letter-reason") + " / " + TopicReader.header(record, "dead-letter-cause");
            assertTrue(why.contains(record.value().equals(notJson) ? "does not read as ConventionEvent" : "lacks"), why);
        }
    }

    /**
     * Consuming the whole topic again, from its beginning, into an emptied projection gives the same state: each
     * record goes through the consumer's own method, and the records it refused (poison events, which the channel
     * sends to the dead-letter topic) are refused again.
     */
    @Test
    void replayingTheTopicIntoAnEmptyProjectionGivesTheSameState() {
        Convention expiring = convention().sharingRegistryData();
        ConventionTopic.publish(expiring);
        ConventionTopic.publish(expiring.next("EXPIRED"));
        Convention beforeTransfer = convention().sharingRegistryData();
        Convention transferred = beforeTransfer.transferredTo(Authority.named("Métropole de la projection"));
        ConventionTopic.publish(beforeTransfer);
        ConventionTopic.publishTransfer(transferred);
        Convention marker = convention();
        ConventionTopic.publish(marker);
        projection.awaitVersion(marker.id(), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> projection.version(expiring.id()) == 2
                && projection.version(transferred.id()) == 2);
        String before = projection.dump();

        projection.empty("registry-conventions");
        assertEquals(-1, projection.version(marker.id()));
        replayFromTheBeginning();

        assertEquals(before, projection.dump());
        assertTrue(before.contains(transferred.authority().siren()), "the successor holds the party after the replay too");
    }

    /** Every record of the topic, partition by partition, through the consumer. */
    private void replayFromTheBeginning() {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> topic = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = topic.partitionsFor(ConventionTopic.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            topic.assign(partitions);
            topic.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = topic.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> topic.position(p) < end.get(p))) {
                topic.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            for (ConsumerRecord<String, String> record : records) {
                try {
                    consumer.consume(record);
                } catch (RuntimeException refusedAgain) {
                    // a poison event: the channel sent it to the dead-letter topic the first time
                }
            }
        }
    }
}
