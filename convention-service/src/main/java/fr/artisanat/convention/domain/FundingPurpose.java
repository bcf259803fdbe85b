package fr.artisanat.convention.domain;

/** What a funding commitment pays for. */
public enum FundingPurpose {
    TERRITORIAL_DEVELOPER_POST, EVENTS, STUDIES, SUPPORT_ACTIONS, OTHER
}
