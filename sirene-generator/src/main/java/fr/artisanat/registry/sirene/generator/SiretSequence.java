package fr.artisanat.registry.sirene.generator;

import fr.artisanat.registry.sirene.Siret;

/**
 * Hands out SIRETs that are valid and unique within one generated file. A new enterprise gets a fresh SIREN and its
 * first establishment; further establishments of the same enterprise get the next NIC, as INSEE numbers them.
 */
final class SiretSequence {

    /** SIREN bodies (before the key) run over the 8-digit numbers 10000000 to 99999999. */
    private static final long SIREN_BODIES = 90_000_000L;
    private static final long FIRST_SIREN_BODY = 10_000_000L;
    /** Coprime with 90,000,000 = 2^7 × 3^2 × 5^7, so successive enterprises never get the same body back. */
    private static final long STRIDE = 48_271L;
    private static final int MAX_ESTABLISHMENTS = 9_999;
    private static final int MAX_NIC = 99_999;

    private final long firstBody;
    private long enterprises;
    private String currentSiren;
    private int currentEstablishments;
    private int laPosteNic;

    SiretSequence(long start) {
        firstBody = Math.floorMod(start, SIREN_BODIES);
    }

    String newEnterprise() {
        String siren;
        do {
            long body = FIRST_SIREN_BODY + (firstBody + enterprises++ * STRIDE) % SIREN_BODIES;
            siren = body + String.valueOf(Siret.luhnKey(Long.toString(body)));
        } while (siren.equals(Siret.LA_POSTE_SIREN));
        currentSiren = siren;
        currentEstablishments = 0;
        return nextEstablishment();
    }

    boolean canAddEstablishment() {
        return currentSiren != null && currentEstablishments < MAX_ESTABLISHMENTS;
    }

    /** Another establishment of the enterprise created last. */
    String nextEstablishment() {
        currentEstablishments++;
        return Siret.withLuhnCheckDigit(currentSiren + zeroPadded(currentEstablishments, 4));
    }

    /** The next La Poste SIRET valid under its sum-of-digits rule, or null once all NICs are used. */
    String nextLaPosteEstablishment() {
        while (laPosteNic < MAX_NIC) {
            laPosteNic++;
            String siret = Siret.LA_POSTE_SIREN + zeroPadded(laPosteNic, 5);
            if (Siret.isValidSiret(siret) && !siret.equals(Siret.LA_POSTE_HEAD_OFFICE_SIRET)) {
                return siret;
            }
        }
        return null;
    }

    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
