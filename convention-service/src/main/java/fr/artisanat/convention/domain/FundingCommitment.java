package fr.artisanat.convention.domain;

import java.math.BigDecimal;
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

/** A yearly amount one party pays another for a purpose, e.g. the authority funding the territorial developer. */
@Entity
@Table(name = "funding_commitment")
public class FundingCommitment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payer_id")
    public ConventionParty payer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "beneficiary_id")
    public ConventionParty beneficiary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundingPurpose purpose;

    public String description;

    @Column(name = "amount_per_year", nullable = false)
    public BigDecimal amountPerYear;

    @Column(nullable = false)
    public String currency;

    @Column(name = "first_year", nullable = false)
    public int firstYear;

    @Column(name = "last_year", nullable = false)
    public int lastYear;
}
