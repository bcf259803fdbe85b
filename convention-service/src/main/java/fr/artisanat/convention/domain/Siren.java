package fr.artisanat.convention.domain;

/** SIREN: 9 digits whose last one is a Luhn check digit. */
public final class Siren {

    private Siren() {
    }

    public static boolean isValid(String siren) {
        return siren != null && siren.matches("\\d{9}") && luhn(siren);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
