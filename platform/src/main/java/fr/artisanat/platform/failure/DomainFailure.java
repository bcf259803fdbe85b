package fr.artisanat.platform.failure;

/**
 * Why a use case refused a command or found nothing, told in the terms of the domain and without HTTP: the domain,
 * the services and the importers throw these, and the API layer ({@code fr.artisanat.platform.problem.ProblemMappers})
 * turns each into the problem+json clients get. The message is the detail a client reads.
 */
public abstract sealed class DomainFailure extends RuntimeException
        permits NotFound, InvalidCommand, StateConflict, StaleVersion, VersionRequired {

    DomainFailure(String detail) {
        super(detail);
    }
}
