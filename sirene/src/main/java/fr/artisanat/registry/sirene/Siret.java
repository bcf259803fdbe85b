package fr.artisanat.registry.sirene;

/** Check digits of SIREN (9 digits) and SIRET (SIREN + 5-digit NIC) numbers. */
public final class Siret {

    /** La Poste numbers its establishments without Luhn keys; INSEE checks them with a sum-of-digits rule. */
    public static final String LA_POSTE_SIREN = "356000000";

    /** The head office of La Poste predates that rule and keeps an ordinary Luhn key. */
    public static final String LA_POSTE_HEAD_OFFICE_SIRET = "35600000000048";

    private Siret() {
    }

    public static boolean isValidSiren(String siren) {
        return isDigits(siren, 9) && luhnSum(siren) % 10 == 0;
    }

    public static boolean isValidSiret(String siret) {
        if (!isDigits(siret, 14)) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE_SIRET)) {
            return digitSum(siret) % 5 == 0;
        }
        return luhnSum(siret) % 10 == 0;
    }

    /** Completes 13 digits (SIREN + the first 4 NIC digits) with the key that makes the SIRET Luhn-valid. */
    public static String withLuhnCheckDigit(String thirteenDigits) {
        if (!isDigits(thirteenDigits, 13)) {
            throw new IllegalArgumentException("expected 13 digits, got " + thirteenDigits);
        }
        return thirteenDigits + luhnKey(thirteenDigits);
    }

    /** The digit that, appended to these digits, makes the whole number Luhn-valid. */
    public static char luhnKey(String digits) {
        // With a 0 appended the digits take their final Luhn positions; the key tops the sum up to a multiple of 10.
        int sum = luhnSum(digits + "0");
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    /** Luhn sum: every second digit from the right is doubled, and 9 is taken off doubles above 9. */
    private static int luhnSum(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum;
    }

    private static boolean isDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
