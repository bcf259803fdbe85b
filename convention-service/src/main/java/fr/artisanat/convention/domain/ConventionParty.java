package fr.artisanat.convention.domain;

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

/** A partner bound by a convention. When an authority is succeeded, the party passes to the successor. */
@Entity
@Table(name = "convention_party")
public class ConventionParty {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;

    public int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_type", nullable = false)
    public PartnerType partnerType;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "partner_name", nullable = false)
    public String partnerName;

    @Column(name = "transferred_from_id")
    public UUID transferredFromId;

    @Column(name = "transferred_from_name")
    public String transferredFromName;

    @Column(name = "transferred_on")
    public LocalDate transferredOn;

    public boolean isAuthority() {
        return partnerType == PartnerType.AUTHORITY;
    }
}
