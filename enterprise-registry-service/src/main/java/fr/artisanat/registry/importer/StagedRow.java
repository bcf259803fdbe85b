package fr.artisanat.registry.importer;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.artisanat.platform.jdbc.BinaryCopy;
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

    /** The columns {@link #write} fills, in its order. */
    static final String COLUMNS = "siret, siren, nic, diffusion, name, trade_names, street_number, street_type, street_name, "
            + "address_extra, postal_code, commune, commune_name, naf_code, naf_nomenclature, nafa_code, craft_family, "
            + "employee_band, band_year, created_on, closed_on, head_office, employer, active";
    static final int COLUMN_COUNT = 24;

    /** Writes the values of {@link #COLUMNS}. */
    void write(BinaryCopy copy) throws SQLException {
        copy.text(siret);
        copy.text(siren);
        copy.text(nic);
        copy.text(diffusion);
        copy.text(name);
        copy.array(tradeNames(), BinaryCopy.VARCHAR);
        copy.text(streetNumber);
        copy.text(streetType);
        copy.text(streetName);
        copy.text(addressExtra);
        copy.text(postalCode);
        copy.text(commune);
        copy.text(communeName);
        copy.text(nafCode);
        copy.text(nafNomenclature);
        copy.text(nafaCode);
        copy.text(craftFamily);
        copy.text(employeeBand);
        copy.int4(bandYear);
        copy.date(createdOn);
        copy.date(closedOn);
        copy.bool(headOffice);
        copy.bool(employer);
        copy.bool(active);
    }

    /**
     * The words name search looks at (words hold letters and digits only); none (null) for diffusion P, so a protected
     * name can never be matched.
     */
    List<String> searchWords() {
        List<String> words = "O".equals(diffusion) ? SearchText.of(name, tradeName1, tradeName2, tradeName3) : List.of();
        return words.isEmpty() ? null : words;
    }

    /** The data of its events at {@code version}, with the chamber's classification when there is one. */
    EstablishmentEventData eventData(long version, EstablishmentEventData.Classification classification) {
        return new EstablishmentEventData(siret, siren, diffusion, name, tradeNames(),
                new EstablishmentEventData.Address(streetNumber, streetType, streetName, addressExtra, postalCode, communeName),
                null, commune, nafCode, nafNomenclature, nafaCode, craftFamily, employeeBand, bandYear, createdOn, closedOn,
                headOffice, employer, active, version, classification);
    }

    private List<String> tradeNames() {
        List<String> tradeNames = new ArrayList<>(3);
        for (String tradeName : new String[] { tradeName1, tradeName2, tradeName3 }) {
            if (tradeName != null) {
                tradeNames.add(tradeName);
            }
        }
        return tradeNames;
    }

    /**
     * 64-bit FNV-1a of every value, in the order of the record, each as its text ({@code toString}, a null as
     * {@code \u0000}): a re-import compares hashes, not columns, to find real changes. Stored in every row: computed the
     * same way for ever, or every establishment would look changed. The numbers, dates and booleans are hashed from
     * their digits and letters as {@code toString} writes them, without making that text: a re-import hashes every
     * row of the file.
     */
    long hash() {
        long hash = OFFSET_BASIS;
        for (String text : new String[] { siret, siren, nic, diffusion, name, tradeName1, tradeName2, tradeName3,
                streetNumber, streetType, streetName, addressExtra, postalCode, commune, communeName, nafCode,
                nafNomenclature, nafaCode, craftFamily, employeeBand }) {
            hash = hash(hash, text);
        }
        hash = bandYear == null ? hash(hash, (String) null) : endOfValue(number(hash, bandYear));
        hash = hash(hash, createdOn);
        hash = hash(hash, closedOn);
        hash = hash(hash, headOffice ? "true" : "false");
        hash = hash(hash, employer ? "true" : "false");
        return hash(hash, active ? "true" : "false");
    }

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private static long hash(long hash, String text) {
        if (text == null) {
            return endOfValue(character(hash, '\u0000'));
        }
        for (int i = 0; i < text.length(); i++) {
            hash = character(hash, text.charAt(i));
        }
        return endOfValue(hash);
    }

    /** As {@link LocalDate#toString()} writes it: {@code yyyy-MM-dd} for the years 0 to 9999. */
    private static long hash(long hash, LocalDate date) {
        if (date == null) {
            return hash(hash, (String) null);
        }
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return hash(hash, date.toString());
        }
        hash = digits(hash, date.getYear(), 4);
        hash = digits(character(hash, '-'), date.getMonthValue(), 2);
        return endOfValue(digits(character(hash, '-'), date.getDayOfMonth(), 2));
    }

    /** As {@link Integer#toString(int)} writes it. */
    private static long number(long hash, int value) {
        if (value < 0) { // not a year: made as text
            String text = Integer.toString(value);
            for (int i = 0; i < text.length(); i++) {
                hash = character(hash, text.charAt(i));
            }
            return hash;
        }
        int count = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return digits(hash, value, count);
    }

    /** The {@code count} last decimal digits of {@code value}, zeros in front. */
    private static long digits(long hash, int value, int count) {
        int divisor = 1;
        for (int i = 1; i < count; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            hash = character(hash, (char) ('0' + value / divisor % 10));
        }
        return hash;
    }

    private static long character(long hash, char c) {
        return (hash ^ c) * PRIME;
    }

    private static long endOfValue(long hash) {
        return (hash ^ 0x1f) * PRIME;
    }
}
