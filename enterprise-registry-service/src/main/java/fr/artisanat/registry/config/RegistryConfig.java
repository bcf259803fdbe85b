package fr.artisanat.registry.config;

import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Time zone in which "today" is read (a convention is in force on calendar days). */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** Import a generated Valence Romans-sized SIRENE file and define the founding territories at start-up. */
    @WithDefault("false")
    boolean demoData();

    /** SIREN of the EPCIs whose communes the SIRENE import keeps (territories defined over HTTP are kept too). */
    List<String> trackedEpcis();

    /** Load NAF codes, employee bands, métiers d'art domains and EPCI territories when the database has none. */
    @WithDefault("true")
    boolean referenceData();

    ImportConfig importer();

    interface ImportConfig {
        /** Rows merged per transaction: memory stays flat, progress is visible between batches. */
        @WithDefault("20000")
        int batchSize();

        /** Folder from which files may be imported by path (a path outside it is refused). */
        @WithDefault("${java.io.tmpdir}/sirene-imports")
        String directory();
    }
}
