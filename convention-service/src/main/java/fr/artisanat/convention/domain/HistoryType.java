package fr.artisanat.convention.domain;

/** What happened to a convention, as kept in its history. */
public enum HistoryType {
    CREATED, UPDATED, SIGNATURE_RECORDED, SIGNED, ACTIVATED, AMENDED, TRANSFERRED, EXPIRED, TERMINATED;

    /** Written while the convention is a draft, dated the day it was recorded rather than a day given by the parties. */
    public boolean isDrafting() {
        return this == CREATED || this == UPDATED;
    }
}
