package fr.artisanat.convention.domain;

/** What happened to a convention, as kept in its history. */
public enum HistoryType {
    CREATED, UPDATED, SIGNATURE_RECORDED, SIGNED, ACTIVATED, AMENDED, TRANSFERRED, EXPIRED, TERMINATED
}
