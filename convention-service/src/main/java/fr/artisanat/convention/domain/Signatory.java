package fr.artisanat.convention.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A person who signs a convention for one of its partners. The signature stays with that partner: when an authority
 * party passes to its successor, its signatories still show the authority they signed for.
 */
@Entity
public class Signatory {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    public int position;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "partner_name", nullable = false)
    public String partnerName;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public String role;

    @Column(name = "signed_on")
    public LocalDate signedOn;
}
