package fr.artisanat.registry.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 16 domains of the official list of métiers d'art (arrêté of 24 December 2015). Reference data. */
@Entity
@Table(name = "metier_art_domain")
public class MetierArtDomain {

    @Id
    public int rank;

    public String name;
}
