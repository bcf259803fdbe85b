package fr.artisanat.convention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;


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
        @Schema(examples = "AUBAGNE-CMAR-PACA-2015") @Size(max = 60) String reference,
        ConventionKind kind,
        @Size(max = 300) String title,
        ConventionStatus status,
        @Size(max = 20) List<Party> parties,
        @Size(max = 20) List<SignatoryView> signatories,
        @Schema(examples = "2015-10-20") LocalDate signatureDate,
        @Schema(examples = "2015-10-20") LocalDate startDate,
        @Schema(examples = "2020-10-19") LocalDate endDate,
        @Size(max = 20) List<@Size(max = 300) String> themes,
        @Size(max = 20) List<@Size(max = 500) String> challenges,
        @Size(max = 20) List<Funding> fundingCommitments,
        @Size(max = 20) List<DataShare> dataExchanges,
        ConventionRequests.Governance governance,
        UUID predecessorId,
        @Size(max = 20) List<ConventionRequests.Document> documents,
        @Schema(description = "Number of amendments") int amendmentCount,
        @Size(max = 1000) String terminationReason,
        LocalDate terminatedOn,
        @Schema(description = "Entity version, also sent as the ETag") long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "ConventionPartyView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(UUID partyId, PartnerType partnerType, UUID partnerId, @Size(max = 200) String name,
            @Schema(description = "Set when the party passed to a successor authority") UUID transferredFromId,
            @Size(max = 200) String transferredFromName, LocalDate transferredOn) {
    }

    @Schema(name = "Signatory")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatoryView(UUID id,
            @Schema(description = "The partner signed for; after a transfer, still the former authority") UUID partnerId,
            @Schema(examples = "CA du Pays d'Aubagne et de l'Etoile") @Size(max = 200) String partnerName,
            @Size(max = 200) String fullName, @Size(max = 200) String role, LocalDate signedOn) {
    }

    @Schema(name = "FundingCommitment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funding(UUID payerId, UUID beneficiaryId, FundingPurpose purpose, @Size(max = 500) String description,
            Money amountPerYear, int firstYear, int lastYear) {
    }

    @Schema(name = "DataExchange")
    public record DataShare(UUID providerId, @Schema(description = SharedDataDescription.TEXT) SharedData category,
            @Size(max = 500) String data) {
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
