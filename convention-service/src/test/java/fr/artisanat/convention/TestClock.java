package fr.artisanat.convention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import fr.artisanat.convention.config.ConventionConfig;

/**
 * The application's clock for tests that move time (enabled by their test profile, in place of ClockProducer's): the
 * real time until a test sets a day, then noon of that day in the configured zone until {@link #reset()}.
 */
@Alternative
@ApplicationScoped
public class TestClock extends Clock {

    @Inject
    ConventionConfig config;

    private volatile Instant setTo;

    public void moveTo(LocalDate day) {
        setTo = day.atTime(LocalTime.NOON).atZone(getZone()).toInstant();
    }

    public void reset() {
        setTo = null;
    }

    @Override
    public ZoneId getZone() {
        return config.zone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the date rules read every day in the configured zone");
    }

    @Override
    public Instant instant() {
        Instant day = setTo;
        return day == null ? Instant.now() : day;
    }
}
