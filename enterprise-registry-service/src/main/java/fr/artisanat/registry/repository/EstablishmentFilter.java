package fr.artisanat.registry.repository;

import java.util.UUID;

/** Filters of the establishment search; every one is optional. {@code text} searches names and trade names. */
public record EstablishmentFilter(String text, UUID territoryId, String commune, String craftFamily, String nafCode,
        String nafaCode, Integer metierArtDomain, String employeeBand, Boolean active, String tag) {
}
