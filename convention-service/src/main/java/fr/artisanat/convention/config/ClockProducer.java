package fr.artisanat.convention.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One clock for every date rule, in the configured zone. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(ConventionConfig config) {
        return Clock.system(config.zone());
    }
}
