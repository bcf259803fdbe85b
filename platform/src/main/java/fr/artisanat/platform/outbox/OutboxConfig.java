package fr.artisanat.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event of this service, e.g. {@code /convention-service}. */
    String source();

    /** Kafka bootstrap servers of the relay's producer. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** Events sent per relay pass before their acknowledgements are awaited. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one event before it tries again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Published events are kept this long for inspection, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
