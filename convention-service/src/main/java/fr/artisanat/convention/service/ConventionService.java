package fr.artisanat.convention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import fr.artisanat.convention.domain.Amendment;
import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionParty;
import fr.artisanat.convention.domain.ConventionStatus;
import fr.artisanat.convention.domain.DataExchange;
import fr.artisanat.convention.domain.DocumentMetadata;
import fr.artisanat.convention.domain.FundingCommitment;
import fr.artisanat.convention.domain.HistoryType;
import fr.artisanat.convention.domain.PartnerType;
import fr.artisanat.convention.domain.SharedData;
import fr.artisanat.convention.domain.Signatory;
import fr.artisanat.convention.messaging.outgoing.ConventionEvents;
import fr.artisanat.convention.repository.AuthorityRepository;
import fr.artisanat.convention.repository.ChamberRepository;
import fr.artisanat.convention.repository.ConventionRepository;
import fr.artisanat.convention.repository.ConventionScope;
import fr.artisanat.platform.failure.ExpectedVersion;
import fr.artisanat.platform.failure.FieldViolation;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.failure.StateConflict;
import fr.artisanat.platform.security.Caller;
import io.quarkus.security.ForbiddenException;

/**
 * Use cases of conventions, each for a caller: it reads and changes only the conventions in its scope (others are
 * missing, 404), drafts only those it is a party to and records only its own signatories' signatures (403), and is
 * the actor of what it changes (docs/adr/0017). Every check happens before the first write, and each use case is one
 * transaction.
 */
@ApplicationScoped
public class ConventionService {

    @Inject
    ConventionRepository conventions;

    @Inject
    AuthorityRepository authorities;

    @Inject
    ChamberRepository chambers;

    @Inject
    ConventionLifecycle lifecycle;

    @Inject
    ConventionEvents events;

    @Inject
    Clock clock;

    public Convention get(Caller caller, UUID id) {
        return conventions.find(id, conventions.scopeOf(caller)).orElseThrow(() -> new NotFound("Convention", id));
    }

    @Transactional
    public Convention create(Caller caller, ConventionCommands.Draft command) {
        ConventionScope scope = conventions.scopeOf(caller);
        if (Stream.concat(command.parties().authorityIds().stream(), command.parties().chamberIds().stream())
                .noneMatch(scope::actsFor)) {
            throw new ForbiddenException("A partner drafts only conventions it is a party to");
        }
        if (conventions.referenceExists(command.reference())) {
            throw new StateConflict("duplicate-reference", "A convention with reference " + command.reference() + " already exists");
        }
        LocalDate endDate = endDate(command);
        List<FieldViolation> errors = new ArrayList<>();
        Convention c = new Convention();
        c.id = UUID.randomUUID();
        c.reference = command.reference();
        c.kind = command.kind();
        c.title = command.title();
        c.startDate = command.startDate();
        c.endDate = endDate;
        addParties(c, command.parties(), errors);
        addSignatories(c, command.signatories(), errors);
        addFunding(c, command.fundingCommitments(), errors);
        addDataExchanges(c, command.dataExchanges(), errors);
        if (command.predecessorId() != null && conventions.find(command.predecessorId(), scope).isEmpty()) {
            errors.add(new FieldViolation("predecessorId", "unknown convention " + command.predecessorId()));
        }
        if (!errors.isEmpty()) {
            throw InvalidCommand.of(errors);
        }
        c.predecessorId = command.predecessorId();
        applyEditable(c, command.title(), command.themes(), command.challenges(), command.governance(), command.documents());
        c.createdAt = c.updatedAt = Instant.now();
        c.record(HistoryType.CREATED, LocalDate.now(clock), "Drafted", caller.id());
        conventions.persist(c);
        return c;
    }

    @Transactional
    public Convention update(Caller caller, UUID id, ExpectedVersion expected, ConventionCommands.Edit command) {
        Convention c = locked(caller, id, expected, true);
        if (c.status != ConventionStatus.DRAFT) {
            throw new StateConflict("not-draft", "Only a DRAFT convention can be edited; use an amendment once it is in force");
        }
        applyEditable(c, command.title(), command.themes(), command.challenges(), command.governance(), command.documents());
        c.record(HistoryType.UPDATED, LocalDate.now(clock), "Draft edited", caller.id());
        return flushed(c);
    }

    @Transactional
    public Convention sign(Caller caller, UUID id, ExpectedVersion expected, ConventionCommands.Signature command) {
        Convention c = locked(caller, id, expected, false);
        Signatory signatory = c.signatory(command.signatoryId());
        if (!conventions.scopeOf(caller).actsFor(signatory.partnerId)) {
            throw new ForbiddenException("A partner records the signatures of its own signatories only, not those of "
                    + signatory.partnerName);
        }
        LocalDate today = LocalDate.now(clock);
        if (c.recordSignature(command.signatoryId(), command.signedOn(), today, caller.id())) {
            events.signed(c, caller.id());
            lifecycle.advance(c, today);
        }
        return flushed(c);
    }

    @Transactional
    public Amendment amend(Caller caller, UUID id, ExpectedVersion expected, ConventionCommands.NewAmendment command) {
        Convention c = locked(caller, id, expected, false);
        Amendment amendment = c.amend(command.effectiveDate(), command.summary(), command.newEndDate(), Instant.now(),
                caller.id());
        events.amended(c, amendment, caller.id());
        lifecycle.advance(c, LocalDate.now(clock));
        flushed(c);
        return amendment;
    }

    @Transactional
    public Convention terminate(Caller caller, UUID id, ExpectedVersion expected, ConventionCommands.Termination command) {
        Convention c = locked(caller, id, expected, false);
        c.terminate(command.reason(), command.effectiveDate(), caller.id());
        events.terminated(c, caller.id());
        return flushed(c);
    }

    /** The convention in the caller's scope, locked, at the version expected; outside the scope, missing. */
    private Convention locked(Caller caller, UUID id, ExpectedVersion expected, boolean versionRequired) {
        Convention c = conventions.findForUpdate(id, conventions.scopeOf(caller))
                .orElseThrow(() -> new NotFound("Convention", id));
        if (versionRequired) {
            expected.require(c.version);
        } else {
            expected.check(c.version);
        }
        c.updatedAt = Instant.now();
        return c;
    }

    /** Writes the change now, so that the version returned (ETag) is the one committed. */
    private Convention flushed(Convention c) {
        conventions.flush();
        return c;
    }

    private static LocalDate endDate(ConventionCommands.Draft command) {
        if ((command.endDate() == null) == (command.durationYears() == null)) {
            throw InvalidCommand.of("endDate", "give either endDate or durationYears");
        }
        LocalDate end = command.endDate() != null ? command.endDate()
                : command.startDate().plusYears(command.durationYears()).minusDays(1);
        if (end.isBefore(command.startDate())) {
            throw InvalidCommand.of("endDate", "must not be before startDate " + command.startDate());
        }
        return end;
    }

    private void addParties(Convention c, ConventionCommands.Parties parties, List<FieldViolation> errors) {
        addParties(c, parties.authorityIds(), "parties.authorityIds", PartnerType.AUTHORITY, authorities::findById,
                a -> a.name, errors);
        addParties(c, parties.chamberIds(), "parties.chamberIds", PartnerType.CHAMBER, chambers::findById,
                ch -> ch.name, errors);
        for (int i = 0; i < parties.authorityIds().size(); i++) {
            Authority a = authorities.findById(parties.authorityIds().get(i));
            if (a != null && a.validTo != null && a.validTo.isBefore(c.startDate)) {
                errors.add(new FieldViolation("parties.authorityIds[" + i + "]",
                        a.name + " no longer existed on " + c.startDate + " (succeeded on " + a.successionDate() + ")"));
            }
        }
    }

    private static <P> void addParties(Convention c, List<UUID> ids, String field, PartnerType type, Function<UUID, P> find,
            Function<P, String> name, List<FieldViolation> errors) {
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            P partner = find.apply(id);
            if (partner == null) {
                errors.add(new FieldViolation(field + "[" + i + "]", "unknown " + type.name().toLowerCase() + " " + id));
            } else if (c.party(id) != null) {
                errors.add(new FieldViolation(field + "[" + i + "]", "listed twice"));
            } else {
                ConventionParty party = new ConventionParty();
                party.id = UUID.randomUUID();
                party.convention = c;
                party.position = c.parties.size();
                party.partnerType = type;
                party.partnerId = id;
                party.partnerName = name.apply(partner);
                c.parties.add(party);
            }
        }
    }

    private static void addSignatories(Convention c, List<ConventionCommands.NewSignatory> signatories, List<FieldViolation> errors) {
        for (int i = 0; i < signatories.size(); i++) {
            ConventionCommands.NewSignatory s = signatories.get(i);
            ConventionParty party = c.party(s.partnerId());
            if (party == null) {
                errors.add(new FieldViolation("signatories[" + i + "].partnerId", "is not a party of the convention"));
                continue;
            }
            Signatory signatory = new Signatory();
            signatory.id = UUID.randomUUID();
            signatory.convention = c;
            signatory.position = i;
            signatory.partnerId = party.partnerId;
            signatory.partnerName = party.partnerName;
            signatory.fullName = s.fullName();
            signatory.role = s.role();
            c.signatories.add(signatory);
        }
        var signing = new HashSet<UUID>();
        c.signatories.forEach(s -> signing.add(s.partnerId));
        c.parties.stream().filter(p -> !signing.contains(p.partnerId)).forEach(p -> errors.add(
                new FieldViolation("signatories", "no signatory for party " + p.partnerName)));
    }

    private static void addFunding(Convention c, List<ConventionCommands.NewFunding> funding, List<FieldViolation> errors) {
        if (funding == null) {
            return;
        }
        for (int i = 0; i < funding.size(); i++) {
            ConventionCommands.NewFunding f = funding.get(i);
            String field = "fundingCommitments[" + i + "]";
            ConventionParty payer = c.party(f.payerId());
            ConventionParty beneficiary = c.party(f.beneficiaryId());
            if (payer == null) {
                errors.add(new FieldViolation(field + ".payerId", "is not a party of the convention"));
            }
            if (beneficiary == null) {
                errors.add(new FieldViolation(field + ".beneficiaryId", "is not a party of the convention"));
            }
            if (f.firstYear() > f.lastYear()) {
                errors.add(new FieldViolation(field + ".lastYear", "must not be before firstYear"));
            } else if (f.firstYear() < c.startDate.getYear() || f.lastYear() > c.endDate.getYear()) {
                errors.add(new FieldViolation(field + ".firstYear", "years must fall within the convention's term "
                        + c.startDate.getYear() + "–" + c.endDate.getYear()));
            }
            if (payer == null || beneficiary == null) {
                continue;
            }
            FundingCommitment commitment = new FundingCommitment();
            commitment.id = UUID.randomUUID();
            commitment.convention = c;
            commitment.position = i;
            commitment.payer = payer;
            commitment.beneficiary = beneficiary;
            commitment.purpose = f.purpose();
            commitment.description = f.description();
            commitment.amountPerYear = f.amountPerYear();
            commitment.currency = f.currency();
            commitment.firstYear = f.firstYear();
            commitment.lastYear = f.lastYear();
            c.fundingCommitments.add(commitment);
        }
    }

    private static void addDataExchanges(Convention c, List<ConventionCommands.NewDataExchange> exchanges, List<FieldViolation> errors) {
        if (exchanges == null) {
            return;
        }
        for (int i = 0; i < exchanges.size(); i++) {
            ConventionParty provider = c.party(exchanges.get(i).providerId());
            if (provider == null) {
                errors.add(new FieldViolation("dataExchanges[" + i + "].providerId", "is not a party of the convention"));
                continue;
            }
            SharedData category = exchanges.get(i).category();
            if (!category.providableBy(provider.partnerType)) {
                errors.add(new FieldViolation("dataExchanges[" + i + "].category",
                        category + " is provided by a chamber, not by " + provider.partnerName));
                continue;
            }
            DataExchange exchange = new DataExchange();
            exchange.providerPartyId = provider.id;
            exchange.category = category;
            exchange.data = exchanges.get(i).data();
            c.dataExchanges.add(exchange);
        }
    }

    private static void applyEditable(Convention c, String title, List<String> themes, List<String> challenges,
            ConventionCommands.Governance governance, List<ConventionCommands.Document> documents) {
        c.title = title;
        c.themes.clear();
        c.themes.addAll(themes == null ? List.of() : themes);
        c.challenges.clear();
        c.challenges.addAll(challenges == null ? List.of() : challenges);
        c.steeringCommittee = governance == null ? null : governance.steeringCommittee();
        c.meetingFrequency = governance == null ? null : governance.meetingFrequency();
        c.documents.clear();
        if (documents != null) {
            documents.forEach(d -> {
                DocumentMetadata document = new DocumentMetadata();
                document.title = d.title();
                document.mediaType = d.mediaType();
                document.sizeBytes = d.sizeBytes();
                document.sha256 = d.sha256();
                c.documents.add(document);
            });
        }
    }

}
