package fr.artisanat.platform.failure;

/** One field of a command that breaks a rule: its path in the command, e.g. {@code signatories[1].partnerId}, and why. */
public record FieldViolation(String field, String message) {
}
