package fr.artisanat.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a topic of the real broker from the beginning, as an outside consumer would. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of the topic that matches, reading until {@code count} matched or the timeout. */
    public static List<ConsumerRecord<String, String>> awaitMatching(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        return awaitUntil(topic, match, found -> found.size() >= count, timeout);
    }

    /** The matching records as read (each partition in its order) until {@code complete} says they are enough, or the timeout. */
    public static List<ConsumerRecord<String, String>> awaitUntil(String topic, Predicate<ConsumerRecord<String, String>> match,
            Predicate<List<ConsumerRecord<String, String>>> complete, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        read(topic, timeout, record -> {
            if (match.test(record)) {
                found.add(record);
            }
            return complete.test(found);
        });
        return found;
    }

    /** Every matching record the topic holds after reading for the whole {@code window}: to count duplicates. */
    public static List<ConsumerRecord<String, String>> allMatching(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration window) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        read(topic, window, record -> {
            if (match.test(record)) {
                found.add(record);
            }
            return false;
        });
        return found;
    }

    private static void read(String topic, Duration timeout, Predicate<ConsumerRecord<String, String>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                } catch (TimeoutException e) {
                    // a broker slow to answer (busy machine): ask again until the deadline
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (done.test(record)) {
                        return;
                    }
                }
            }
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
