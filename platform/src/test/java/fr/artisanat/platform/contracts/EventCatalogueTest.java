package fr.artisanat.platform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import fr.artisanat.platform.testing.EventSchemas;

/**
 * docs/events.md is the catalogue of the committed schemas, not a second copy: it lists exactly the types that have
 * a schema file, each linking to its own, and every schema file is a valid JSON Schema 2020-12. Each service's event
 * test then shows that every type of its topic is produced and validates against its schema.
 */
class EventCatalogueTest {

    private static final Path DOCS = Path.of("..", "docs");
    /** A row of a type table: | `convention.signed.v1` | [schema](events/schemas/convention.signed.v1.schema.json) | … */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+\\.[a-z]+\\.v[0-9]+)` \\| \\[[^]]*]\\(events/schemas/([^)]+)\\) \\|");

    @Test
    void theCatalogueListsExactlyTheTypesThatHaveASchemaEachLinkingToItsOwn() throws IOException {
        Set<String> listed = new TreeSet<>();
        List<String> wrongLinks = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS.resolve("events.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                listed.add(row.group(1));
                if (!row.group(2).equals(row.group(1) + ".schema.json")) {
                    wrongLinks.add(line);
                }
            }
        }
        assertEquals(EventSchemas.committed().types(""), listed, "types in docs/events.md vs files in docs/events/schemas");
        assertEquals(List.of(), wrongLinks, "rows of docs/events.md that link to another type's schema");
    }

    @Test
    void everySchemaFileIsAValidJsonSchema2020() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DOCS.resolve("events").resolve("schemas"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file);
                metaSchema.validate(text, InputFormat.JSON).forEach(error -> errors.add(file.getFileName() + ": " + error));
                if (!text.contains("\"$schema\": \"" + SpecificationVersion.DRAFT_2020_12.getDialectId() + "\"")) {
                    errors.add(file.getFileName() + " does not declare JSON Schema 2020-12");
                }
            }
        }
        assertEquals(List.of(), errors);
    }
}
