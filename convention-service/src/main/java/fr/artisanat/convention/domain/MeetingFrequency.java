package fr.artisanat.convention.domain;

/** How often the steering committee meets. */
public enum MeetingFrequency {
    MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL
}
