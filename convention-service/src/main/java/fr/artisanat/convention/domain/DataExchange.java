package fr.artisanat.convention.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One line of the data-exchange clause: which data one party shares with the others, described and categorised. */
@Embeddable
public class DataExchange {

    @Column(name = "provider_party_id", nullable = false)
    public UUID providerPartyId;

    @Column(nullable = false)
    public String data;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SharedData category;
}
