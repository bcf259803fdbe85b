package fr.artisanat.gateway;

import java.util.concurrent.ThreadLocalRandom;

import fr.artisanat.registry.sirene.Siret;

/** Random SIRENs that pass the check the services apply. */
final class Sirens {

    private Sirens() {
    }

    static String random() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        for (int check = 0; check < 10; check++) {
            if (Siret.isValidSiren(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }
}
