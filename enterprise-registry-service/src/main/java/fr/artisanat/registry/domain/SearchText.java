package fr.artisanat.registry.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which names are stored for search and queries are compared: lower case, without accents, ligatures
 * spelled out. Computed in Java on both sides, so the database only compares trigrams (no per-row SQL function).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").trim();
    }

    /** What name search looks at for one establishment: its name and trade names. */
    public static String of(String name, String... tradeNames) {
        StringBuilder text = new StringBuilder(name == null ? "" : name);
        for (String tradeName : tradeNames) {
            if (tradeName != null) {
                text.append(' ').append(tradeName);
            }
        }
        String folded = fold(text.toString());
        return folded.isEmpty() ? null : folded;
    }
}
