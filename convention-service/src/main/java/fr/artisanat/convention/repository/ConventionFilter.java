package fr.artisanat.convention.repository;

import java.time.LocalDate;
import java.util.UUID;

import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.ConventionStatus;

/** Filters of the conventions list; every one is optional. {@code expiringBy} keeps ACTIVE ones ending by that day. */
public record ConventionFilter(UUID authorityId, UUID chamberId, ConventionKind kind, ConventionStatus status,
        LocalDate activeOn, String commune, String text, LocalDate today, LocalDate expiringBy) {
}
