package fr.artisanat.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A free note by one of the chamber's advisers, read by that chamber only. Never part of an event or an export. */
@Entity
@Table(name = "adviser_note")
public class AdviserNote {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String siret;

    /** The id of the adviser (their token's subject); free text in notes written before issue 10. */
    @Column(nullable = false)
    public String author;

    /** The chamber the note belongs to, the only one that reads it; none for an administrator's note. */
    @Column(name = "chamber_id")
    public UUID chamberId;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
