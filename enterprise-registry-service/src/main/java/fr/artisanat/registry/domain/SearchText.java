package fr.artisanat.registry.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form in which names are stored for search and queries are compared: words in lower case, without accents,
 * ligatures spelled out. Computed in Java on both sides, so the database only compares words (no per-row SQL
 * function).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").trim();
    }

    /** The distinct folded words of a text, in order: "L'Atelier du Bois" gives l, atelier, du, bois. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        if (isAscii(text)) {
            asciiWords(text, words);
            return List.copyOf(words);
        }
        for (String word : SEPARATORS.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of ASCII text without normalization nor regular expressions (most names, and the import folds every
     * name): there, folding only lowers the case, and letters and digits are [a-z0-9].
     */
    private static void asciiWords(String text, Set<String> words) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
    }

    /** What name search looks at for one establishment: the words of its name and trade names. */
    public static List<String> of(String name, String... tradeNames) {
        StringBuilder text = new StringBuilder(name == null ? "" : name);
        for (String tradeName : tradeNames) {
            if (tradeName != null) {
                text.append(' ').append(tradeName);
            }
        }
        return words(text.toString());
    }
}
