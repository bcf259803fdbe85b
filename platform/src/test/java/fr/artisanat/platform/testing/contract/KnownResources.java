package fr.artisanat.platform.testing.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values the API returned, so that generated requests reach real objects: identifiers of resources (by the kind of
 * resource, e.g. "convention" for {@code /v1/conventions/{id}} and for a field named {@code conventionId}) and other
 * strings by field name (e.g. the {@code commune} of establishments for a {@code commune} filter).
 * <p>
 * Two sets: what any list returned (good enough for reads), and what the test itself created (its fixtures and the
 * objects its valid requests created). Requests that change state only touch the latter, so that the contract test
 * never alters data that other tests of the same application rely on.
 */
final class KnownResources {

    private final List<String> pathTemplates;
    private final Map<String, Set<String>> seen = new LinkedHashMap<>();
    private final Map<String, Set<String>> owned = new LinkedHashMap<>();

    KnownResources(List<String> pathTemplates) {
        this.pathTemplates = pathTemplates;
    }

    /** The kind of resource or value a name stands for: "authorityIds", "authorities" and "authorityId" give "authorit". */
    static String stem(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        if (s.length() > 3 && s.endsWith("ids")) {
            s = s.substring(0, s.length() - 3);
        } else if (s.length() > 2 && s.endsWith("id")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.endsWith("ies")) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("s") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("y")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The kind of resource a path parameter designates: the stem of the segment before it. */
    static String kindOf(String pathTemplate, String parameter) {
        String[] segments = pathTemplate.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return stem(segments[i - 1]);
            }
        }
        return stem(parameter);
    }

    /** Records the path parameters of a concrete path the API gave (a Location header) or a fixture. */
    void own(String path) {
        String bare = path.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        for (String template : pathTemplates) {
            Matcher matcher = templatePattern(template).matcher(bare);
            if (matcher.matches()) {
                List<String> names = parameterNames(template);
                for (int i = 0; i < names.size(); i++) {
                    add(owned, kindOf(template, names.get(i)), matcher.group(i + 1));
                    add(seen, kindOf(template, names.get(i)), matcher.group(i + 1));
                }
            }
        }
    }

    /**
     * Records what a response body holds: the items of a list (or a single object) of the collection {@code path},
     * keyed by the resource kind for the property that {@code path/{param}} takes, and every nested identifier and
     * string by field name.
     */
    void harvest(String path, JsonNode body, boolean createdByTheTest) {
        JsonNode items = body.isArray() ? body : body.has("items") ? body.get("items") : null;
        for (JsonNode item : items == null ? List.of(body) : iterable(items)) {
            for (String template : pathTemplates) {
                if (template.startsWith(path + "/{")) {
                    String parameter = template.substring(path.length() + 2, template.indexOf('}', path.length()));
                    JsonNode value = item.has(parameter) ? item.get(parameter) : item.get("id");
                    if (value != null && value.isTextual()) {
                        add(seen, kindOf(template, parameter), value.asText());
                        if (createdByTheTest) {
                            add(owned, kindOf(template, parameter), value.asText());
                        }
                    }
                }
            }
            fields(null, item, createdByTheTest);
        }
    }

    private void fields(String parent, JsonNode node, boolean createdByTheTest) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                JsonNode value = p.getValue();
                if (value.isTextual() && value.asText().length() <= 200) {
                    String key = p.getKey().equals("id") && parent != null ? stem(parent) : stem(p.getKey());
                    add(seen, key, value.asText());
                    if (createdByTheTest && p.getKey().equals("id")) {
                        add(owned, key, value.asText());
                    }
                } else {
                    fields(p.getKey(), value, createdByTheTest);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    add(seen, stem(parent), element.asText());
                } else {
                    fields(parent, element, createdByTheTest);
                }
            });
        }
    }

    /** A value known for this name, or for any identifier when the name tells no kind. */
    Optional<String> pick(Random random, String name, boolean ownedOnly, Predicate<String> acceptable) {
        Map<String, Set<String>> pool = ownedOnly ? owned : seen;
        List<String> candidates = new ArrayList<>(pool.getOrDefault(stem(name), Set.of()));
        if (candidates.isEmpty() && ownedOnly) {
            pool.values().forEach(candidates::addAll);
        }
        candidates.removeIf(acceptable.negate());
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private static void add(Map<String, Set<String>> pool, String key, String value) {
        pool.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    static Pattern templatePattern(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q"));
    }

    static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }
}
