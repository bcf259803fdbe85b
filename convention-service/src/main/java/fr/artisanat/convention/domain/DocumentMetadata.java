package fr.artisanat.convention.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What is known of a signed document (the file itself is kept elsewhere): enough to check a copy is the one. */
@Embeddable
public class DocumentMetadata {

    @Column(nullable = false)
    public String title;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;
}
