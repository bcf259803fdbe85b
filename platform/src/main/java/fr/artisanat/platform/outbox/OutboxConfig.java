package fr.artisanat.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The relay's settings; the producer settings derived from them are explained in ADR 0003. */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event of this service, e.g. {@code /convention-service}. */
    String source();

    /** Kafka bootstrap servers of the relay's producer. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** How often the relay looks for events to publish (it goes on at once after a full batch). At least 1s. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events sent per relay pass before their acknowledgements are awaited. */
    @WithDefault("500")
    int batchSize();

    /**
     * The producer's {@code delivery.timeout.ms}: how long it keeps retrying one event before it reports a failure.
     * Long enough for a broker starved of CPU to answer; the event is tried again at a later pass in any case.
     */
    @WithDefault("120s")
    Duration deliveryTimeout();

    /** Refusals that are the event's own fault (too large, invalid or unknown topic…) before it is parked. */
    @WithDefault("5")
    int maxAttempts();

    /** Published events are kept this long for inspection, then deleted by the housekeeping job. */
    @WithDefault("P7D")
    Duration retention();
}
