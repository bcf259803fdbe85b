package fr.artisanat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The committed JSON Schemas of the integration events, the single copy consumers code against: one file per
 * CloudEvents type, {@code docs/events/schemas/<type>.schema.json}, sharing definitions under {@code defs/}. Formats
 * (uuid, date, date-time) are asserted, not only annotations.
 */
public final class EventSchemas {

    static final String SUFFIX = ".schema.json";

    private final Path folder;
    /** Reads local files only (the shared definitions a schema refers to), never the network. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources().allow(iri -> iri.toString().startsWith("file:")))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    EventSchemas(Path folder) {
        this.folder = folder;
    }

    /** The schemas of the checkout, seen from a module's folder (where Maven runs its tests). */
    public static EventSchemas committed() {
        return new EventSchemas(Path.of("..", "docs", "events", "schemas").toAbsolutePath().normalize());
    }

    /** The types that have a schema and start with {@code prefix}, e.g. {@code "convention."}. */
    public Set<String> types(String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> types = new TreeSet<>();
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(SUFFIX))
                    .forEach(name -> types.add(name.substring(0, name.length() - SUFFIX.length())));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code json} is not valid data for an event of this type; empty when it is. */
    public List<String> errors(String type, String json) {
        Path file = folder.resolve(type + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return List.of("no schema for " + type + ": " + file + " is missing");
        }
        Schema schema = registry.getSchema(SchemaLocation.of(file.toUri().toString()));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /**
     * The copies of a valid payload, each changed by one of {@code changes}, that the schema still accepts: none when
     * the schema states what consumers rely on.
     */
    public List<String> accepted(String type, String valid, List<Consumer<ObjectNode>> changes) {
        ObjectMapper json = new ObjectMapper();
        return changes.stream().map(change -> {
            try {
                ObjectNode copy = (ObjectNode) json.readTree(valid);
                change.accept(copy);
                return copy.toString();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON: " + valid, e);
            }
        }).filter(changed -> errors(type, changed).isEmpty()).toList();
    }
}
