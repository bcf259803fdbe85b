package fr.artisanat.platform.failure;

import java.util.List;

/**
 * A command whose fields are each well-formed but break a rule of the domain (an unknown commune, a date before
 * another, a signatory who is no party): the fields at fault, with what is wrong with each.
 */
public final class InvalidCommand extends DomainFailure {

    private final List<FieldViolation> violations;

    /** @param detail the whole story in one line, e.g. {@code Unknown communes [99999]} */
    public InvalidCommand(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    /** One field at fault; the detail is {@code field: message}. */
    public static InvalidCommand of(String field, String message) {
        return of(List.of(new FieldViolation(field, message)));
    }

    /** Every field at fault; the detail names the field when there is one, else how many there are. */
    public static InvalidCommand of(List<FieldViolation> violations) {
        return new InvalidCommand(violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid", violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
