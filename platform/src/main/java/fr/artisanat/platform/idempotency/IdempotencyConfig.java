package fr.artisanat.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a stored response is replayed to a retry with the same {@code Idempotency-Key}; older records are
     * deleted by the housekeeping job. Clients retry within minutes; a day leaves room for a retry after an outage.
     */
    @WithDefault("P1D")
    Duration retention();
}
