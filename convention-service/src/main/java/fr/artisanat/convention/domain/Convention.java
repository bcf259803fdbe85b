package fr.artisanat.convention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import fr.artisanat.platform.changes.ChangePosition;
import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.StateConflict;

/**
 * A partnership convention between at least one authority and one chamber, and the rules of its lifecycle:
 * DRAFT → SIGNED → ACTIVE → EXPIRED or TERMINATED, amendments while active, transfer to a successor authority.
 */
@Entity
public class Convention {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConventionKind kind;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConventionStatus status = ConventionStatus.DRAFT;

    @Column(name = "signature_date")
    public LocalDate signatureDate;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "steering_committee")
    public String steeringCommittee;

    @Enumerated(EnumType.STRING)
    @Column(name = "meeting_frequency")
    public MeetingFrequency meetingFrequency;

    @Column(name = "predecessor_id")
    public UUID predecessorId;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "terminated_on")
    public LocalDate terminatedOn;

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ConventionParty> parties = new ArrayList<>();

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Signatory> signatories = new ArrayList<>();

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<FundingCommitment> fundingCommitments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "convention_theme", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    @Column(name = "theme")
    public List<String> themes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "convention_challenge", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    @Column(name = "challenge")
    public List<String> challenges = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "data_exchange", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    public List<DataExchange> dataExchanges = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "convention_document", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderColumn(name = "position")
    public List<DocumentMetadata> documents = new ArrayList<>();

    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    public List<Amendment> amendments = new ArrayList<>();

    /** In the order recorded; {@link #chronology()} gives the order things happened. */
    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<HistoryEntry> history = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Where the convention sits in the changes feed: the database sets both at every write of the row, which moves it
     * to the end of the feed (ChangesFeed, docs/adr/0007-commit-ordered-changes-feed.md).
     */
    @Generated(event = { EventType.INSERT, EventType.UPDATE }, sql = ChangesFeed.TRANSACTION)
    @Column(name = "change_xid")
    public long changeTransaction;

    @Generated(event = { EventType.INSERT, EventType.UPDATE }, sql = "nextval('convention_change_seq')")
    @Column(name = "change_seq")
    public long changeSequence;

    public ChangePosition changePosition() {
        return new ChangePosition(changeTransaction, changeSequence);
    }

    public ConventionParty party(UUID partnerId) {
        return parties.stream().filter(p -> p.partnerId.equals(partnerId)).findFirst().orElse(null);
    }

    public List<ConventionParty> authorityParties() {
        return parties.stream().filter(ConventionParty::isAuthority).toList();
    }

    public Signatory signatory(UUID signatoryId) {
        return signatories.stream().filter(s -> s.id.equals(signatoryId)).findFirst()
                .orElseThrow(() -> InvalidCommand.of("signatoryId", "is not a signatory of this convention"));
    }

    /** Records one signature, by {@code actorId}; the convention is SIGNED once every signatory has signed. */
    public boolean recordSignature(UUID signatoryId, LocalDate signedOn, LocalDate today, String actorId) {
        Signatory signatory = signatory(signatoryId);
        if (signatory.signedOn != null) {
            throw new StateConflict("already-signed",
                    signatory.fullName + " already signed this convention on " + signatory.signedOn);
        }
        if (status != ConventionStatus.DRAFT) {
            throw new StateConflict("not-draft", "Only a DRAFT convention can be signed; it is " + status);
        }
        if (signedOn.isAfter(today)) {
            throw InvalidCommand.of("signedOn", "cannot be in the future");
        }
        signatory.signedOn = signedOn;
        record(HistoryType.SIGNATURE_RECORDED, signedOn, signatory.fullName + " (" + signatory.role + ", "
                + signatory.partnerName + ") signed", actorId);
        if (signatories.stream().anyMatch(s -> s.signedOn == null)) {
            return false;
        }
        status = ConventionStatus.SIGNED;
        signatureDate = signatories.stream().map(s -> s.signedOn).max(Comparator.naturalOrder()).orElseThrow();
        record(HistoryType.SIGNED, signatureDate, "Signed by all " + signatories.size() + " signatories", actorId);
        return true;
    }

    /** SIGNED → ACTIVE once the start date has come. */
    public boolean activateIfDue(LocalDate today) {
        if (status != ConventionStatus.SIGNED || startDate.isAfter(today)) {
            return false;
        }
        status = ConventionStatus.ACTIVE;
        record(HistoryType.ACTIVATED, startDate, "In force from " + startDate);
        return true;
    }

    /** ACTIVE → EXPIRED once the end date has passed. */
    public boolean expireIfDue(LocalDate today) {
        if (status != ConventionStatus.ACTIVE || !endDate.isBefore(today)) {
            return false;
        }
        status = ConventionStatus.EXPIRED;
        record(HistoryType.EXPIRED, endDate.plusDays(1), "Ended on " + endDate);
        return true;
    }

    /**
     * The party held by {@code from} passes to its successor on the succession date when the convention was signed
     * and not yet over on that day, even if the succession is recorded later. Conventions over by then stay. The
     * funding and data exchanges pass with the party; the signatures stay with the authority that gave them.
     */
    public Optional<ConventionParty> transferIfDue(Authority from, LocalDate today) {
        LocalDate on = from.successionDate();
        ConventionParty party = party(from.id);
        if (party == null || on == null || on.isAfter(today) || !runningOn(on)) {
            return Optional.empty();
        }
        Authority to = from.successor;
        if (party(to.id) != null) {
            parties.remove(party);
            fundingCommitments.forEach(f -> {
                f.payer = f.payer == party ? party(to.id) : f.payer;
                f.beneficiary = f.beneficiary == party ? party(to.id) : f.beneficiary;
            });
        } else {
            party.partnerId = to.id;
            party.partnerName = to.name;
        }
        ConventionParty holder = Objects.requireNonNull(party(to.id));
        holder.transferredFromId = from.id;
        holder.transferredFromName = from.name;
        holder.transferredOn = on;
        dataExchanges.stream().filter(d -> d.providerPartyId.equals(party.id)).forEach(d -> d.providerPartyId = holder.id);
        HistoryEntry entry = record(HistoryType.TRANSFERRED, on, "Passed from " + from.name + " (SIREN " + from.siren
                + ") to its successor " + to.name + " (SIREN " + to.siren + ")");
        entry.fromAuthorityId = from.id;
        entry.toAuthorityId = to.id;
        return Optional.of(holder);
    }

    private boolean runningOn(LocalDate day) {
        return status != ConventionStatus.DRAFT && !day.isAfter(endDate)
                && (terminatedOn == null || terminatedOn.isAfter(day));
    }

    /** An avenant by {@code actorId}, numbered in order, only while the convention is in force. */
    public Amendment amend(LocalDate effectiveDate, String summary, LocalDate newEndDate, Instant now, String actorId) {
        if (status != ConventionStatus.ACTIVE) {
            throw new StateConflict("not-active", "Only an ACTIVE convention can be amended; it is " + status);
        }
        if (effectiveDate.isBefore(startDate) || effectiveDate.isAfter(endDate)) {
            throw InvalidCommand.of("effectiveDate", "must fall within the convention's term "
                    + startDate + " to " + endDate);
        }
        if (newEndDate != null && newEndDate.isBefore(effectiveDate)) {
            throw InvalidCommand.of("newEndDate", "must not be before the effective date " + effectiveDate);
        }
        Amendment amendment = new Amendment();
        amendment.id = UUID.randomUUID();
        amendment.convention = this;
        amendment.number = amendments.size() + 1;
        amendment.effectiveDate = effectiveDate;
        amendment.summary = summary;
        amendment.createdAt = now;
        if (newEndDate != null) {
            amendment.previousEndDate = endDate;
            amendment.newEndDate = newEndDate;
            endDate = newEndDate;
        }
        amendments.add(amendment);
        record(HistoryType.AMENDED, effectiveDate, "Amendment no. " + amendment.number + ": " + summary, actorId);
        return amendment;
    }

    /** Ends a signed or active convention early, with the reason, by {@code actorId}. */
    public void terminate(String reason, LocalDate effectiveDate, String actorId) {
        if (status != ConventionStatus.SIGNED && status != ConventionStatus.ACTIVE) {
            throw new StateConflict("not-in-force", "Only a SIGNED or ACTIVE convention can be terminated; it is " + status);
        }
        if (effectiveDate.isAfter(endDate)) {
            throw InvalidCommand.of("effectiveDate", "must not be after the end date " + endDate);
        }
        status = ConventionStatus.TERMINATED;
        terminationReason = reason;
        terminatedOn = effectiveDate;
        record(HistoryType.TERMINATED, effectiveDate, "Terminated: " + reason, actorId);
    }

    /**
     * The history in the order things happened: by the day each entry took effect, then in the order recorded. A
     * drafting entry is dated the day it was recorded, which for a convention entered after the fact (signed in 2015,
     * entered today) is later than the signatures; as nothing recorded after it can have happened before it, it is
     * placed no later than the earliest day of what was recorded after it.
     */
    public List<HistoryEntry> chronology() {
        Map<HistoryEntry, LocalDate> placedOn = new HashMap<>();
        LocalDate earliestRecordedAfter = LocalDate.MAX;
        for (HistoryEntry entry : history.reversed()) {
            placedOn.put(entry, entry.type.isDrafting() && earliestRecordedAfter.isBefore(entry.occurredOn)
                    ? earliestRecordedAfter : entry.occurredOn);
            earliestRecordedAfter = entry.occurredOn.isBefore(earliestRecordedAfter) ? entry.occurredOn : earliestRecordedAfter;
        }
        return history.stream().sorted(Comparator.comparing(placedOn::get)).toList();
    }

    /** What the suite did by itself (the date-driven lifecycle): no actor. */
    public HistoryEntry record(HistoryType type, LocalDate occurredOn, String description) {
        return record(type, occurredOn, description, null);
    }

    /** What {@code actorId} did (a caller's id; null for the suite itself). */
    public HistoryEntry record(HistoryType type, LocalDate occurredOn, String description, String actorId) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.convention = this;
        entry.position = history.size();
        entry.type = type;
        entry.occurredOn = occurredOn;
        entry.recordedAt = Instant.now();
        entry.description = description;
        entry.actorId = actorId;
        history.add(entry);
        // Every change is recorded here, some only in child rows (a transfer): writing the row itself as well moves
        // its version (ETag) and its place in the changes feed.
        updatedAt = entry.recordedAt;
        return entry;
    }
}
