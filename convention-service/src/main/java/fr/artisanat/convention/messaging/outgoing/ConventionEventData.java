package fr.artisanat.convention.messaging.outgoing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.artisanat.convention.domain.Authority;
import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.ChamberLevel;
import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.ConventionParty;
import fr.artisanat.convention.domain.ConventionStatus;
import fr.artisanat.convention.domain.FundingPurpose;
import fr.artisanat.convention.domain.MeetingFrequency;
import fr.artisanat.convention.domain.PartnerType;
import fr.artisanat.convention.domain.SharedData;

/**
 * The {@code convention} object of every event of the {@code conventions} topic: the convention after the change,
 * mapped from the domain so that a change to the REST representation leaves the events as they are. Its contract is
 * docs/events/schemas/defs/convention.v1.schema.json; absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConventionEventData(UUID id, String reference, ConventionKind kind, String title, ConventionStatus status,
        List<Party> parties, List<Signatory> signatories, LocalDate signatureDate, LocalDate startDate,
        LocalDate endDate, List<String> themes, List<String> challenges, List<Funding> fundingCommitments,
        List<DataExchange> dataExchanges, Governance governance, UUID predecessorId, List<Document> documents,
        int amendmentCount, String terminationReason, LocalDate terminatedOn, long version, Instant createdAt,
        Instant updatedAt) {

    /**
     * A partner bound by the convention; after a succession, the successor, with the authority it took over from. What
     * a consumer needs to scope partners without asking this service: the SIREN (always for an authority, for a
     * chamber when known) and, for a chamber, its level, region and parent chamber.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(UUID partyId, PartnerType partnerType, UUID partnerId, String name, String siren,
            ChamberLevel chamberLevel, String region, UUID parentChamberId, UUID transferredFromId,
            String transferredFromName, LocalDate transferredOn) {
    }

    /** A person who signed, for the partner named here: after a transfer, still the former authority. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signatory(UUID id, UUID partnerId, String partnerName, String fullName, String role, LocalDate signedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funding(UUID payerId, UUID beneficiaryId, FundingPurpose purpose, String description,
            Money amountPerYear, int firstYear, int lastYear) {
    }

    /** A decimal string, never a float, with its ISO 4217 currency. */
    public record Money(String amount, String currency) {
    }

    public record DataExchange(UUID providerId, SharedData category, String data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Governance(String steeringCommittee, MeetingFrequency meetingFrequency) {
    }

    public record Document(String title, String mediaType, long sizeBytes, String sha256) {
    }

    /** {@code authorities} and {@code chambers} find the partners the parties name, for what the events say of them. */
    public static ConventionEventData of(Convention c, Function<UUID, Authority> authorities, Function<UUID, Chamber> chambers) {
        return new ConventionEventData(c.id, c.reference, c.kind, c.title, c.status,
                c.parties.stream().map(p -> party(p, authorities, chambers)).toList(),
                c.signatories.stream().map(s -> new Signatory(s.id, s.partnerId, s.partnerName, s.fullName, s.role,
                        s.signedOn)).toList(),
                c.signatureDate, c.startDate, c.endDate, List.copyOf(c.themes), List.copyOf(c.challenges),
                c.fundingCommitments.stream().map(f -> new Funding(f.payer.partnerId, f.beneficiary.partnerId, f.purpose,
                        f.description, new Money(f.amountPerYear.toPlainString(), f.currency), f.firstYear, f.lastYear)).toList(),
                c.dataExchanges.stream().map(d -> new DataExchange(partnerOf(c, d.providerPartyId), d.category, d.data)).toList(),
                c.steeringCommittee == null && c.meetingFrequency == null ? null
                        : new Governance(c.steeringCommittee, c.meetingFrequency),
                c.predecessorId,
                c.documents.stream().map(d -> new Document(d.title, d.mediaType, d.sizeBytes, d.sha256)).toList(),
                c.amendments.size(), c.terminationReason, c.terminatedOn, c.version, c.createdAt, c.updatedAt);
    }

    private static Party party(ConventionParty p, Function<UUID, Authority> authorities, Function<UUID, Chamber> chambers) {
        if (p.isAuthority()) {
            return new Party(p.id, p.partnerType, p.partnerId, p.partnerName, authorities.apply(p.partnerId).siren,
                    null, null, null, p.transferredFromId, p.transferredFromName, p.transferredOn);
        }
        Chamber chamber = chambers.apply(p.partnerId);
        return new Party(p.id, p.partnerType, p.partnerId, p.partnerName, chamber.siren, chamber.level, chamber.region,
                chamber.parent == null ? null : chamber.parent.id, p.transferredFromId, p.transferredFromName,
                p.transferredOn);
    }

    private static UUID partnerOf(Convention c, UUID partyId) {
        return c.parties.stream().filter(p -> p.id.equals(partyId)).map(p -> p.partnerId).findFirst().orElse(null);
    }
}
