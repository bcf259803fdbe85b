package fr.artisanat.convention.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A person who signs a convention for one of its parties. */
@Entity
public class Signatory {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id")
    public ConventionParty party;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public String role;

    @Column(name = "signed_on")
    public LocalDate signedOn;
}
