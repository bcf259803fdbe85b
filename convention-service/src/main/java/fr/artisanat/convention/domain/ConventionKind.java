package fr.artisanat.convention.domain;

/** The kinds of partnership convention: framework (convention cadre), multi-year (pluriannuelle), annual thematic. */
public enum ConventionKind {
    FRAMEWORK, MULTI_YEAR, ANNUAL_THEMATIC
}
