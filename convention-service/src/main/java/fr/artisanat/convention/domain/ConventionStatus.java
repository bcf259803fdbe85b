package fr.artisanat.convention.domain;

/** Lifecycle: DRAFT → SIGNED (every signatory signed) → ACTIVE (from the start date) → EXPIRED (after the end date) or TERMINATED (early). */
public enum ConventionStatus {
    DRAFT, SIGNED, ACTIVE, EXPIRED, TERMINATED
}
