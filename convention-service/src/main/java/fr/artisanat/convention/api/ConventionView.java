package fr.artisanat.convention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.Convention;
import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.ConventionParty;
import fr.artisanat.convention.domain.ConventionStatus;
import fr.artisanat.convention.domain.FundingPurpose;
import fr.artisanat.convention.domain.PartnerType;
import fr.artisanat.convention.domain.SharedData;

/**
 * A convention as the API returns it. Integration events carry a representation of their own
 * (messaging/outgoing/ConventionEventData), so that this one can change without changing them.
 */
@Schema(name = "Convention")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConventionView(
        UUID id,
        @Schema(examples = "AUBAGNE-CMAR-PACA-2015") String reference,
        ConventionKind kind,
        String title,
        ConventionStatus status,
        List<Party> parties,
        List<SignatoryView> signatories,
        @Schema(examples = "2015-10-20") LocalDate signatureDate,
        @Schema(examples = "2015-10-20") LocalDate startDate,
        @Schema(examples = "2020-10-19") LocalDate endDate,
        List<String> themes,
        List<String> challenges,
        List<Funding> fundingCommitments,
        List<DataShare> dataExchanges,
        ConventionRequests.Governance governance,
        UUID predecessorId,
        List<ConventionRequests.Document> documents,
        @Schema(description = "Number of amendments") int amendmentCount,
        String terminationReason,
        LocalDate terminatedOn,
        @Schema(description = "Entity version, also sent as the ETag") long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "ConventionPartyView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(UUID partyId, PartnerType partnerType, UUID partnerId, String name,
            @Schema(description = "Set when the party passed to a successor authority") UUID transferredFromId,
            String transferredFromName, LocalDate transferredOn) {
    }

    @Schema(name = "Signatory")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatoryView(UUID id,
            @Schema(description = "The partner signed for; after a transfer, still the former authority") UUID partnerId,
            @Schema(examples = "CA du Pays d'Aubagne et de l'Etoile") String partnerName,
            String fullName, String role, LocalDate signedOn) {
    }

    @Schema(name = "FundingCommitment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funding(UUID payerId, UUID beneficiaryId, FundingPurpose purpose, String description,
            Money amountPerYear, int firstYear, int lastYear) {
    }

    @Schema(name = "DataExchange")
    public record DataShare(UUID providerId, @Schema(description = SharedDataDescription.TEXT) SharedData category,
            String data) {
    }

    public static ConventionView of(Convention c) {
        return new ConventionView(c.id, c.reference, c.kind, c.title, c.status,
                c.parties.stream().map(ConventionView::party).toList(),
                c.signatories.stream().map(s -> new SignatoryView(s.id, s.partnerId, s.partnerName, s.fullName, s.role,
                        s.signedOn)).toList(),
                c.signatureDate, c.startDate, c.endDate,
                List.copyOf(c.themes), List.copyOf(c.challenges),
                c.fundingCommitments.stream().map(f -> new Funding(f.payer.partnerId, f.beneficiary.partnerId, f.purpose,
                        f.description, new Money(f.amountPerYear.toPlainString(), f.currency), f.firstYear, f.lastYear)).toList(),
                c.dataExchanges.stream().map(d -> new DataShare(partnerOf(c, d.providerPartyId), d.category, d.data)).toList(),
                c.steeringCommittee == null && c.meetingFrequency == null ? null
                        : new ConventionRequests.Governance(c.steeringCommittee, c.meetingFrequency),
                c.predecessorId,
                c.documents.stream().map(d -> new ConventionRequests.Document(d.title, d.mediaType, d.sizeBytes, d.sha256)).toList(),
                c.amendments.size(), c.terminationReason, c.terminatedOn, c.version, c.createdAt, c.updatedAt);
    }

    private static Party party(ConventionParty p) {
        return new Party(p.id, p.partnerType, p.partnerId, p.partnerName, p.transferredFromId, p.transferredFromName,
                p.transferredOn);
    }

    private static UUID partnerOf(Convention c, UUID partyId) {
        return c.parties.stream().filter(p -> p.id.equals(partyId)).map(p -> p.partnerId).findFirst().orElse(null);
    }
}
