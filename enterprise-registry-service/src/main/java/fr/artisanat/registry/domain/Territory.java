package fr.artisanat.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A set of communes with validity dates: an EPCI (loaded from the DGCL file) or a territory defined over HTTP.
 * Tracked territories are the ones whose establishments the SIRENE import keeps.
 */
@Entity
public class Territory {

    public enum Kind {
        EPCI, CUSTOM
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String siren;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean tracked;

    /**
     * Who defined it (a custom territory): {@code authority:<SIREN>} or {@code chamber:<id>}, from the caller; none
     * for an EPCI or an administrator's. Only that partner, besides administrators, sees it.
     */
    @Column(name = "owner_partner")
    public String ownerPartner;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
