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
        /**
         * Rows merged per transaction and connection: memory holds two batches per connection whatever the file,
         * progress is visible between batches.
         */
        @WithDefault("5000")
        int batchSize();

        /** Connections merging an import side by side, the establishments split among them by SIRET (ADR 0005). */
        @WithDefault("2")
        int connections();

        /** Folder from which files may be imported by path (a path outside it is refused). */
        @WithDefault("${java.io.tmpdir}/sirene-imports")
        String directory();
    }
}
