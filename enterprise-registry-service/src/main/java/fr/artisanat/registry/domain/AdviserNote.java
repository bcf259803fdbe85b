package fr.artisanat.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A free note by one of the chamber's advisers. Never part of an event or an export. */
@Entity
@Table(name = "adviser_note")
public class AdviserNote {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String siret;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
