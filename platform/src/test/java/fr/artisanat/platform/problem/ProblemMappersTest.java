package fr.artisanat.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.failure.DomainFailure;
import fr.artisanat.platform.failure.FieldViolation;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.failure.StaleVersion;
import fr.artisanat.platform.failure.StateConflict;
import fr.artisanat.platform.failure.VersionRequired;

/** Each kind of domain failure gets the problem clients have always had for it: status, type, title, detail, errors. */
class ProblemMappersTest {

    private static Problem problem(DomainFailure failure) {
        var response = new ProblemMappers().refused(failure, null);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(problem.status(), response.getStatus());
        return problem;
    }

    private static Problem expected(int status, String type, String title, String detail, List<FieldError> errors) {
        return new Problem(type, title, status, detail, null, null, errors);
    }

    @Test
    void notFoundIs404NamingWhatWasLookedFor() {
        UUID id = UUID.fromString("6f1c2a57-3d3e-4b8e-9a39-0d3b7d2c9f10");
        assertEquals(expected(404, "/problems/not-found", "Convention not found",
                "Convention 6f1c2a57-3d3e-4b8e-9a39-0d3b7d2c9f10 does not exist", List.of()),
                problem(new NotFound("Convention", id)));
    }

    @Test
    void aBrokenRuleIs422WithTheFieldsAtFault() {
        assertEquals(expected(422, "/problems/validation", "Invalid request", "signedOn: cannot be in the future",
                List.of(new FieldError("signedOn", "cannot be in the future"))),
                problem(InvalidCommand.of("signedOn", "cannot be in the future")));
        assertEquals(expected(422, "/problems/validation", "Invalid request", "2 fields are invalid",
                List.of(new FieldError("parties.authorityIds[0]", "listed twice"), new FieldError("signatories", "no signatory"))),
                problem(InvalidCommand.of(List.of(new FieldViolation("parties.authorityIds[0]", "listed twice"),
                        new FieldViolation("signatories", "no signatory")))));
        assertEquals(expected(422, "/problems/validation", "Invalid request", "Unknown communes [99999]",
                List.of(new FieldError("communes[1]", "unknown commune 99999"))),
                problem(new InvalidCommand("Unknown communes [99999]", List.of(new FieldViolation("communes[1]", "unknown commune 99999")))));
    }

    @Test
    void aConflictWithTheCurrentStateIs409OfItsOwnType() {
        assertEquals(expected(409, "/problems/already-signed", "Conflict with the current state",
                "A. Dupont already signed this convention on 2026-01-02", List.of()),
                problem(new StateConflict("already-signed", "A. Dupont already signed this convention on 2026-01-02")));
    }

    @Test
    void versionPreconditionsAre412And428InTermsOfETagAndIfMatch() {
        assertEquals(expected(412, "/problems/precondition-failed", "Precondition failed",
                "The resource changed since you read it: its ETag is now \"3\"", List.of()), problem(new StaleVersion(3)));
        assertEquals(expected(428, "/problems/precondition-required", "Precondition required",
                "Send If-Match with the ETag of the version you read", List.of()), problem(new VersionRequired()));
    }
}
