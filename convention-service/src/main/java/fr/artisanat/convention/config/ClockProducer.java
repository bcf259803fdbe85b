package fr.artisanat.convention.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

/** One clock for every date rule, in the configured zone, moved by {@code convention.clock-offset} if set. */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @ApplicationScoped
    Clock clock(ConventionConfig config) {
        Clock system = Clock.system(config.zone());
        if (config.clockOffset().isZero()) {
            return system;
        }
        ZonedDateTime now = ZonedDateTime.now(system);
        LOG.warnf("The date rules run %s away from today (convention.clock-offset): for rehearsals and tests only",
                config.clockOffset());
        return Clock.offset(system, Duration.between(now, now.plus(config.clockOffset())));
    }
}
