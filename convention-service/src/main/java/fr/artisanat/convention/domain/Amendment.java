package fr.artisanat.convention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** An avenant: a numbered change to an active convention, effective from a date. */
@Entity
public class Amendment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    public int number;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(nullable = false)
    public String summary;

    @Column(name = "previous_end_date")
    public LocalDate previousEndDate;

    @Column(name = "new_end_date")
    public LocalDate newEndDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
