package fr.artisanat.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One import of a SIRENE file: its progress while it runs, its report once done. Written by the importer (JDBC). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status {
        RUNNING, SUCCEEDED, FAILED
    }

    @Id
    public UUID id;

    public String source;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "rows_read")
    public long rowsRead;

    public long kept;
    public long inserted;
    public long updated;
    public long closed;
    public long unchanged;
    public long rejected;
    public String error;
}
