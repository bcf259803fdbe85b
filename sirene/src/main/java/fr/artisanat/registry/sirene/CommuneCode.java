package fr.artisanat.registry.sirene;

import java.util.regex.Pattern;

/**
 * The form of INSEE commune codes: the department (2 digits; 2A or 2B in Corsica; 97x overseas) then 3 digits, e.g.
 * 26281, 2A004, 97411.
 */
public final class CommuneCode {

    private static final Pattern FORM = Pattern.compile("(\\d{2}|2[AB])\\d{3}");

    private CommuneCode() {
    }

    public static boolean isValid(String code) {
        return code != null && FORM.matcher(code).matches();
    }
}
