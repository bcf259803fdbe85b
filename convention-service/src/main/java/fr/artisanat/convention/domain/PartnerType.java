package fr.artisanat.convention.domain;

/** Which kind of partner a convention party is. */
public enum PartnerType {
    AUTHORITY, CHAMBER
}
