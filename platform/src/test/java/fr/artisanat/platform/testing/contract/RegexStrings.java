package fr.artisanat.platform.testing.contract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;

/**
 * Random strings that match, or do not match, a JSON Schema {@code pattern} within length bounds, by a random walk
 * over the pattern's automaton (dk.brics.automaton). JSON Schema patterns are ECMA-262 regular expressions that are
 * not anchored: {@code \d{9}} accepts "x1234567890". Only what our documents use is translated: character classes,
 * {@code \d \s \S \w}, groups, alternatives, quantifiers and the anchors {@code ^ $}.
 */
final class RegexStrings {

    /** The characters a walk prefers when a transition allows more: printable ASCII and a few accented letters. */
    private static final String PREFERRED = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~éèàçôÉ";

    private final Map<String, Automaton> automata = new HashMap<>();

    /** A string of {@code minLength..maxLength} characters that the pattern (if any) accepts, if there is one. */
    Optional<String> matching(Random random, String pattern, int minLength, int maxLength) {
        return walk(random, pattern == null ? Automaton.makeAnyString() : language(pattern), minLength, maxLength);
    }

    /** A string of {@code minLength..maxLength} characters that the pattern refuses, if there is one. */
    Optional<String> notMatching(Random random, String pattern, int minLength, int maxLength) {
        return walk(random, language(pattern).complement(), minLength, maxLength);
    }

    /** True when the pattern only accepts strings up to some length (it is anchored and repeats nothing unbounded). */
    boolean bounds(String pattern) {
        return language(pattern).isFinite();
    }

    /** True when the pattern, as JSON Schema reads it (a search, not a full match), accepts the value. */
    static boolean accepts(String pattern, String value) {
        return java.util.regex.Pattern.compile(pattern).matcher(value).find();
    }

    private Automaton language(String pattern) {
        return automata.computeIfAbsent(pattern, p -> {
            boolean startAnchored = p.startsWith("^");
            boolean endAnchored = p.endsWith("$") && !p.endsWith("\\$");
            String body = p.substring(startAnchored ? 1 : 0, p.length() - (endAnchored ? 1 : 0));
            Automaton core = new RegExp(toBrics(body), RegExp.NONE).toAutomaton();
            Automaton any = Automaton.makeAnyString();
            Automaton language = (startAnchored ? core : any.concatenate(core));
            language = endAnchored ? language : language.concatenate(any);
            language.minimize();
            return language;
        });
    }

    /** Translates the ECMA-262 subset to the brics syntax, where {@code \x} is always the literal x. */
    static String toBrics(String regex) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                String shorthand = switch (next) {
                    case 'd' -> "0-9";
                    case 'w' -> "a-zA-Z0-9_";
                    case 's' -> " \\\t\\\n\\\r\\\f\\\u000B";
                    default -> null;
                };
                if (shorthand != null) {
                    out.append(inClass ? shorthand : "[" + shorthand + "]");
                } else if (next == 'S' || next == 'D') {
                    String negated = next == 'S' ? "^ \\\t\\\n\\\r\\\f\\\u000B" : "^0-9";
                    if (inClass) {
                        throw new IllegalArgumentException("negated shorthand inside a class is not supported: " + regex);
                    }
                    out.append('[').append(negated).append(']');
                } else {
                    out.append('\\').append(next);
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '-' && out.charAt(out.length() - 1) != '[' && i + 1 < regex.length() && regex.charAt(i + 1) != ']') {
                    out.append('-');
                } else if (Character.isLetterOrDigit(c) || (c == '^' && out.charAt(out.length() - 1) == '[')) {
                    out.append(c);
                } else {
                    out.append('\\').append(c);
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == '(' && regex.startsWith("?:", i + 1)) {
                out.append('(');
                i += 2;
            } else if ("(){}|*+?.,".indexOf(c) >= 0 || Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.toString();
    }

    /**
     * Picks a length the language has strings of, then walks only through states from which an accepting state is
     * reachable in exactly the characters left, so that every walk ends on an accepted string.
     */
    private static Optional<String> walk(Random random, Automaton language, int minLength, int maxLength) {
        List<State> states = new ArrayList<>(language.getStates());
        Map<State, Integer> index = new HashMap<>();
        states.forEach(s -> index.put(s, index.size()));
        List<BitSet> canEndIn = new ArrayList<>();
        BitSet accepting = new BitSet();
        states.stream().filter(State::isAccept).forEach(s -> accepting.set(index.get(s)));
        canEndIn.add(accepting);
        for (int k = 1; k <= maxLength; k++) {
            BitSet previous = canEndIn.get(k - 1);
            BitSet current = new BitSet();
            for (State s : states) {
                for (Transition t : s.getTransitions()) {
                    if (previous.get(index.get(t.getDest()))) {
                        current.set(index.get(s));
                        break;
                    }
                }
            }
            canEndIn.add(current);
        }
        int start = index.get(language.getInitialState());
        List<Integer> lengths = new ArrayList<>();
        for (int k = Math.max(0, minLength); k <= maxLength; k++) {
            if (canEndIn.get(k).get(start)) {
                lengths.add(k);
            }
        }
        if (lengths.isEmpty()) {
            return Optional.empty();
        }
        int length = boundaryBiased(random, lengths);
        StringBuilder value = new StringBuilder();
        State state = language.getInitialState();
        for (int left = length; left > 0; left--) {
            BitSet next = canEndIn.get(left - 1);
            List<Transition> possible = state.getTransitions().stream()
                    .filter(t -> next.get(index.get(t.getDest()))).toList();
            // Printable characters whenever the pattern allows them: control characters are not what clients send.
            List<Transition> printable = possible.stream().filter(RegexStrings::allowsPreferred).toList();
            List<Transition> choices = printable.isEmpty() ? possible : printable;
            Transition chosen = choices.get(random.nextInt(choices.size()));
            value.append(pick(random, chosen.getMin(), chosen.getMax()));
            state = chosen.getDest();
        }
        return Optional.of(value.toString());
    }

    /** Mostly the shortest or longest possible length, otherwise any: limits are where rules break. */
    private static int boundaryBiased(Random random, List<Integer> lengths) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return lengths.get(0);
        }
        if (roll == 1) {
            return lengths.get(lengths.size() - 1);
        }
        int bound = Math.min(lengths.size(), 40);
        return lengths.get(random.nextInt(bound));
    }

    private static boolean allowsPreferred(Transition t) {
        return PREFERRED.chars().anyMatch(c -> c >= t.getMin() && c <= t.getMax());
    }

    private static char pick(Random random, char min, char max) {
        List<Character> preferred = new ArrayList<>();
        for (char c : PREFERRED.toCharArray()) {
            if (c >= min && c <= max) {
                preferred.add(c);
            }
        }
        if (!preferred.isEmpty()) {
            return preferred.get(random.nextInt(preferred.size()));
        }
        for (int tries = 0; tries < 100; tries++) {
            char c = (char) (min + random.nextInt(max - min + 1));
            if (!Character.isSurrogate(c) && !Character.isISOControl(c)) {
                return c;
            }
        }
        // Only control characters here: the whitespace ones a pattern may name (\s), never NUL.
        return min == 0 && max > 0 ? (char) 1 : min;
    }
}
