package fr.artisanat.convention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.StateConflict;

/** An intercommunal authority (EPCI), with its member communes and, once merged away, its successor. */
@Entity
public class Authority {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String siren;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorityNature nature;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "authority_commune", joinColumns = @JoinColumn(name = "authority_id"))
    @Column(name = "insee_code")
    @OrderBy
    public Set<String> communes = new LinkedHashSet<>();

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    public Authority successor;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The authority ceases to exist at the end of the day before {@code effectiveDate}; {@code successor} takes over. */
    public void succeededBy(Authority next, LocalDate effectiveDate) {
        if (next.id.equals(id)) {
            throw InvalidCommand.of("successorId", "an authority cannot succeed itself");
        }
        if (successor != null) {
            throw new StateConflict("already-succeeded",
                    name + " was already succeeded by " + successor.name + " on " + validTo.plusDays(1));
        }
        if (validFrom != null && !effectiveDate.isAfter(validFrom)) {
            throw InvalidCommand.of("effectiveDate", "must be after the authority's creation on " + validFrom);
        }
        for (Authority later = next.successor; later != null; later = later.successor) {
            if (later.id.equals(id)) {
                throw new StateConflict("succession-cycle", next.name + " already passes to " + name
                        + " (directly or through its successors): this succession would form a cycle");
            }
        }
        successor = next;
        validTo = effectiveDate.minusDays(1);
    }

    /** The day the successor took over, or null. */
    public LocalDate successionDate() {
        return successor == null ? null : validTo.plusDays(1);
    }
}
