package fr.artisanat.convention.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.artisanat.convention.domain.ConventionKind;
import fr.artisanat.convention.domain.FundingPurpose;
import fr.artisanat.convention.domain.MeetingFrequency;
import fr.artisanat.convention.domain.SharedData;
import fr.artisanat.convention.service.ConventionCommands;

/**
 * Request bodies of the conventions resource, with their rules for the OpenAPI document (Bean Validation), each mapped
 * to the command of its use case. Partners are referred to by their id (authority or chamber).
 */
public final class ConventionRequests {

    private ConventionRequests() {
    }

    /** Each item mapped; an absent list stays absent. */
    private static <T, R> List<R> each(List<T> items, Function<T, R> mapping) {
        return items == null ? null : items.stream().map(mapping).toList();
    }

    @Schema(name = "CreateConvention")
    public record Create(
            @NotBlank @Size(max = 60) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$", message = "letters, digits, '.', '_', '/', '-'")
            @Schema(examples = "AUBAGNE-CMAR-PACA-2015") String reference,
            @NotNull ConventionKind kind,
            @NotBlank @Size(max = 300) @Schema(examples = "Convention cadre de partenariat pour le développement de l'artisanat") String title,
            @NotNull @Valid Parties parties,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid NewSignatory> signatories,
            @NotNull @Schema(examples = "2015-10-20") LocalDate startDate,
            @Schema(examples = "2020-10-19", description = "Last day in force; give it or durationYears") LocalDate endDate,
            @Min(1) @Max(10) @Schema(examples = "5", description = "Term in years from the start date; give it or endDate") Integer durationYears,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> themes,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> challenges,
            @Size(max = 20) List<@NotNull @Valid NewFunding> fundingCommitments,
            @Size(max = 20) List<@NotNull @Valid NewDataExchange> dataExchanges,
            @Valid Governance governance,
            UUID predecessorId,
            @Size(max = 20) List<@NotNull @Valid Document> documents) {

        ConventionCommands.Draft toCommand() {
            return new ConventionCommands.Draft(reference, kind, title, parties.toCommand(),
                    each(signatories, NewSignatory::toCommand), startDate, endDate, durationYears, themes, challenges,
                    each(fundingCommitments, NewFunding::toCommand), each(dataExchanges, NewDataExchange::toCommand),
                    governance == null ? null : governance.toCommand(), predecessorId, each(documents, Document::toCommand));
        }
    }

    @Schema(name = "ConventionParties", description = "At least one authority and one chamber")
    public record Parties(
            @NotEmpty @Size(max = 10) List<@NotNull UUID> authorityIds,
            @NotEmpty @Size(max = 10) List<@NotNull UUID> chamberIds) {

        ConventionCommands.Parties toCommand() {
            return new ConventionCommands.Parties(authorityIds, chamberIds);
        }
    }

    @Schema(name = "NewSignatory")
    public record NewSignatory(
            @NotNull @Schema(description = "Id of the party (authority or chamber) the person signs for") UUID partnerId,
            @NotBlank @Size(max = 200) @Schema(examples = "Sylvia Barthélémy") String fullName,
            @NotBlank @Size(max = 200) @Schema(examples = "Présidente") String role) {

        ConventionCommands.NewSignatory toCommand() {
            return new ConventionCommands.NewSignatory(partnerId, fullName, role);
        }
    }

    @Schema(name = "NewFundingCommitment")
    public record NewFunding(
            @NotNull @Schema(description = "Id of the paying party") UUID payerId,
            @NotNull @Schema(description = "Id of the receiving party") UUID beneficiaryId,
            @NotNull FundingPurpose purpose,
            @Size(max = 500) @Schema(examples = "Poste de développeur territorial dédié au territoire") String description,
            @NotNull @Valid Money amountPerYear,
            @NotNull @Min(1990) @Max(2100) @Schema(examples = "2016") Integer firstYear,
            @NotNull @Min(1990) @Max(2100) @Schema(examples = "2020") Integer lastYear) {

        ConventionCommands.NewFunding toCommand() {
            return new ConventionCommands.NewFunding(payerId, beneficiaryId, purpose, description,
                    new BigDecimal(amountPerYear.amount()), amountPerYear.currency(), firstYear, lastYear);
        }
    }

    @Schema(name = "NewDataExchange")
    public record NewDataExchange(
            @NotNull @Schema(description = "Id of the party that shares the data") UUID providerId,
            @NotNull @Schema(description = SharedDataDescription.TEXT) SharedData category,
            @NotBlank @Size(max = 500) @Schema(examples = "Liste et caractéristiques des entreprises artisanales du territoire") String data) {

        ConventionCommands.NewDataExchange toCommand() {
            return new ConventionCommands.NewDataExchange(providerId, category, data);
        }
    }

    /** Also in responses: an absent part is left out, not null (the document says string, not null). */
    @Schema(name = "Governance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Governance(
            @Size(max = 200) @Schema(examples = "Comité de pilotage") String steeringCommittee,
            MeetingFrequency meetingFrequency) {

        ConventionCommands.Governance toCommand() {
            return new ConventionCommands.Governance(steeringCommittee, meetingFrequency);
        }
    }

    @Schema(name = "DocumentMetadata")
    public record Document(
            @NotBlank @Size(max = 300) @Schema(examples = "Convention cadre signée") String title,
            @NotBlank @Size(max = 100) @Schema(examples = "application/pdf") String mediaType,
            @NotNull @Positive @Schema(examples = "482113") Long sizeBytes,
            @NotNull @Size(max = 64) @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hexadecimal characters")
            @Schema(examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {

        ConventionCommands.Document toCommand() {
            return new ConventionCommands.Document(title, mediaType, sizeBytes, sha256);
        }
    }

    @Schema(name = "UpdateConvention", description = "The editable parts of a DRAFT convention")
    public record Update(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> themes,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> challenges,
            @Valid Governance governance,
            @Size(max = 20) List<@NotNull @Valid Document> documents) {

        ConventionCommands.Edit toCommand() {
            return new ConventionCommands.Edit(title, themes, challenges, governance == null ? null : governance.toCommand(),
                    each(documents, Document::toCommand));
        }
    }

    @Schema(name = "RecordSignature")
    public record Signature(
            @NotNull UUID signatoryId,
            @NotNull @Schema(examples = "2015-10-20") LocalDate signedOn) {

        ConventionCommands.Signature toCommand() {
            return new ConventionCommands.Signature(signatoryId, signedOn);
        }
    }

    @Schema(name = "NewAmendment")
    public record NewAmendment(
            @NotNull @Schema(examples = "2017-01-01") LocalDate effectiveDate,
            @NotBlank @Size(max = 2000) @Schema(examples = "Extension of the term by one year") String summary,
            @Schema(description = "New last day in force, when the amendment changes the term") LocalDate newEndDate) {

        ConventionCommands.NewAmendment toCommand() {
            return new ConventionCommands.NewAmendment(effectiveDate, summary, newEndDate);
        }
    }

    @Schema(name = "Termination")
    public record Termination(
            @NotBlank @Size(max = 1000) @Schema(examples = "Dissolution of the partnership by mutual agreement") String reason,
            @NotNull @Schema(examples = "2018-06-30") LocalDate effectiveDate) {

        ConventionCommands.Termination toCommand() {
            return new ConventionCommands.Termination(reason, effectiveDate);
        }
    }
}
