package fr.artisanat.convention.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of the data-exchange clause: which data one party shares with the others. */
@Embeddable
public class DataExchange {

    @Column(name = "provider_party_id", nullable = false)
    public UUID providerPartyId;

    @Column(nullable = false)
    public String data;
}
