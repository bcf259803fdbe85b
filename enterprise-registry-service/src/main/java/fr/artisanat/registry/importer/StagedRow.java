package fr.artisanat.registry.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.artisanat.registry.domain.SearchText;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEventData;

/**
 * One establishment as the import stages it, already filtered and validated. For diffusion P the name, trade names
 * and address are never staged: they are not kept anywhere.
 */
record StagedRow(String siret, String siren, String nic, String diffusion, String name, String tradeName1,
        String tradeName2, String tradeName3, String streetNumber, String streetType, String streetName,
        String addressExtra, String postalCode, String commune, String communeName, String nafCode,
        String nafNomenclature, String nafaCode, String craftFamily, String employeeBand, Integer bandYear,
        LocalDate createdOn, LocalDate closedOn, boolean headOffice, boolean employer, boolean active) {

    /** Values in the column order of the staging table (without the hash). */
    List<Object> values() {
        return new ArrayList<>(Arrays.asList(siret, siren, nic, diffusion, name, tradeName1, tradeName2, tradeName3,
                streetNumber, streetType, streetName, addressExtra, postalCode, commune, communeName, nafCode,
                nafNomenclature, nafaCode, craftFamily, employeeBand, bandYear, createdOn, closedOn, headOffice,
                employer, active));
    }

    /**
     * The words name search looks at, as a PostgreSQL array literal (words hold letters and digits only; quoted so
     * that a word "null" stays a word); none for diffusion P, so a protected name can never be matched.
     */
    String searchWords() {
        List<String> words = "O".equals(diffusion) ? SearchText.of(name, tradeName1, tradeName2, tradeName3) : List.of();
        return words.isEmpty() ? null : "{\"" + String.join("\",\"", words) + "\"}";
    }

    /** The data of its events, but the version and classification, which the database adds (ImportBatch.MERGE). */
    EstablishmentEventData eventData() {
        List<String> tradeNames = new ArrayList<>();
        for (String tradeName : new String[] { tradeName1, tradeName2, tradeName3 }) {
            if (tradeName != null) {
                tradeNames.add(tradeName);
            }
        }
        return new EstablishmentEventData(siret, siren, diffusion, name, tradeNames,
                new EstablishmentEventData.Address(streetNumber, streetType, streetName, addressExtra, postalCode, communeName),
                null, commune, nafCode, nafNomenclature, nafaCode, craftFamily, employeeBand, bandYear, createdOn, closedOn,
                headOffice, employer, active, null, null);
    }

    /** 64-bit FNV-1a of every value: a re-import compares hashes, not columns, to find real changes. */
    long hash() {
        long hash = 0xcbf29ce484222325L;
        for (Object value : values()) {
            String text = value == null ? "\u0000" : value.toString();
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= 0x1f;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
