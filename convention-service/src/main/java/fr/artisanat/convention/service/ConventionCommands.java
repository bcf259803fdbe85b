package fr.artisanat.convention.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.FundingPurpose;
import fr.artisanat.convention.domain.MeetingFrequency;
import fr.artisanat.convention.domain.SharedData;

/**
 * What the use cases of {@link ConventionService} are asked to do, whoever asks (the HTTP API, the demo data). The
 * fields a refusal names ({@code fr.artisanat.platform.failure.FieldViolation}) are paths in these commands.
 */
public final class ConventionCommands {

    private ConventionCommands() {
    }

    /** Give {@code endDate} or {@code durationYears}; absent lists are empty. */
    public record Draft(String reference, ConventionKind kind, String title, Parties parties,
            List<NewSignatory> signatories, LocalDate startDate, LocalDate endDate, Integer durationYears,
            List<String> themes, List<String> challenges, List<NewFunding> fundingCommitments,
            List<NewDataExchange> dataExchanges, Governance governance, UUID predecessorId, List<Document> documents) {
    }

    public record Parties(List<UUID> authorityIds, List<UUID> chamberIds) {
    }

    public record NewSignatory(UUID partnerId, String fullName, String role) {
    }

    public record NewFunding(UUID payerId, UUID beneficiaryId, FundingPurpose purpose, String description,
            BigDecimal amountPerYear, String currency, int firstYear, int lastYear) {
    }

    public record NewDataExchange(UUID providerId, SharedData category, String data) {
    }

    public record Governance(String steeringCommittee, MeetingFrequency meetingFrequency) {
    }

    public record Document(String title, String mediaType, long sizeBytes, String sha256) {
    }

    /** The editable parts of a DRAFT convention, all replaced. */
    public record Edit(String title, List<String> themes, List<String> challenges, Governance governance,
            List<Document> documents) {
    }

    public record Signature(UUID signatoryId, LocalDate signedOn) {
    }

    public record NewAmendment(LocalDate effectiveDate, String summary, LocalDate newEndDate) {
    }

    public record Termination(String reason, LocalDate effectiveDate) {
    }
}
