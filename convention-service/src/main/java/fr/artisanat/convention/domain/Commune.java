package fr.artisanat.convention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A French commune, identified by its INSEE code (5 characters; Corsica uses 2A/2B). Reference data. */
@Entity
public class Commune {

    @Id
    @Column(name = "insee_code")
    public String inseeCode;

    public String name;
}
