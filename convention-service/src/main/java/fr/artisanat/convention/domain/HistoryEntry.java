package fr.artisanat.convention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a convention's history, never changed once written. */
@Entity
@Table(name = "convention_history")
public class HistoryEntry {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    /** Recording order within the convention, from 0. */
    public int position;

    /**
     * The day it took effect (e.g. the start date for an activation), which may precede the day it was recorded; for
     * a drafting entry, the day it was recorded.
     */
    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HistoryType type;

    @Column(nullable = false)
    public String description;

    /**
     * Who made the change: the id of the caller (its token's {@code sub}, never a name). Absent from what the suite did
     * itself (the date-driven lifecycle, the demo data) and from rows written before callers were known.
     */
    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "from_authority_id")
    public UUID fromAuthorityId;

    @Column(name = "to_authority_id")
    public UUID toAuthorityId;
}
