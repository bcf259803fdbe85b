package fr.artisanat.convention.config;

import java.time.Period;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "convention")
public interface ConventionConfig {

    /** Time zone in which calendar dates (start, end, "today") are read. */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** Load the two founding partnerships at start-up (idempotent). */
    @WithDefault("false")
    boolean demoData();

    /** How often date-driven transitions are checked (they are also checked at start-up). */
    @WithDefault("15m")
    String lifecycleInterval();

    /**
     * Moves the date rules' "today" by this period (ISO 8601, e.g. {@code P1D}): for rehearsals and tests that need
     * tomorrow's activations and expiries now. Never in production.
     */
    @WithDefault("P0D")
    Period clockOffset();

    /** Load communes and EPCIs from the bundled reference files when the database has none. */
    @WithDefault("true")
    boolean referenceData();
}
