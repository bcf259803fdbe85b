package fr.artisanat.registry.service;

import java.util.List;

/** What the use cases of {@link ClassificationService} are asked to do, whoever asks (the HTTP API, the demo data). */
public final class ClassificationCommands {

    private ClassificationCommands() {
    }

    /** The whole classification, replacing the previous one (who classifies is the caller). */
    public record Classify(MetierArt metierArt, List<String> tags, Boolean developmentPotential) {
    }

    /** {@code domain}: rank of the domain in the official list of métiers d'art. */
    public record MetierArt(Integer domain, String label) {
    }
}
