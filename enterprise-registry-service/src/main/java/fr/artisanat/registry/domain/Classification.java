package fr.artisanat.registry.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the chamber knows of an establishment beyond SIRENE: métier d'art, sector tags, development potential. */
@Entity
public class Classification {

    @Id
    public String siret;

    @Column(name = "metier_art_domain")
    public Integer metierArtDomain;

    @Column(name = "metier_art_label")
    public String metierArtLabel;

    @Column(name = "development_potential", nullable = false)
    public boolean developmentPotential;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(60)[]")
    public String[] tags = new String[0];

    @Version
    public long version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
