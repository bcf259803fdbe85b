package fr.artisanat.platform.testing.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RegexStringsTest {

    private final RegexStrings regex = new RegexStrings();
    private final Random random = new Random(42);

    @Test
    void generatedStringsMatchAsJsonSchemaReadsThePattern() {
        for (String pattern : new String[] { "^\\d{9}$", "\\d{9}", "\\S", "^[A-Za-z0-9][A-Za-z0-9._/-]*$", "^(NN|\\d{2})$",
                "^[+-]?(name|siren)(,[+-]?(name|siren))*$" }) {
            for (int i = 0; i < 200; i++) {
                String matching = regex.matching(random, pattern, 0, 40).orElseThrow();
                assertTrue(RegexStrings.accepts(pattern, matching), pattern + " should accept " + matching);
                assertTrue(matching.length() <= 40);
                regex.notMatching(random, pattern, 1, 40).ifPresent(other ->
                        assertFalse(RegexStrings.accepts(pattern, other), pattern + " should refuse " + other));
            }
        }
    }

    @Test
    void anUnanchoredPatternAcceptsWhatSurroundsTheMatch() {
        boolean surrounded = false;
        for (int i = 0; i < 200 && !surrounded; i++) {
            surrounded = !regex.matching(random, "\\d{9}", 0, 20).orElseThrow().matches("\\d{9}");
        }
        assertTrue(surrounded, "an unanchored pattern must yield values with more than the match");
    }

    @Test
    void onlyAnchoredPatternsWithoutUnboundedRepetitionBoundTheLength() {
        assertTrue(regex.bounds("^\\d{9}$"));
        assertTrue(regex.bounds("^(ALIMENTATION|BATIMENT)$"));
        assertFalse(regex.bounds("\\d{9}"));
        assertFalse(regex.bounds("^[a-z]*$"));
    }
}
