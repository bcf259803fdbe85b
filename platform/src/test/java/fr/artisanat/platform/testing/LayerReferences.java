package fr.artisanat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which source files of one layer of a service (a package under its root package: {@code api}, {@code domain},
 * {@code repository}, {@code messaging}…) name a class of another layer or of another package, by import or fully
 * qualified: the check that dependencies between layers point one way, without a bytecode tool.
 */
public final class LayerReferences {

    private final Path sources;
    private final String rootPackage;

    /**
     * @param sources     the main source folder, e.g. {@code src/main/java}
     * @param rootPackage the service's root package, e.g. {@code fr.artisanat.convention}
     */
    public LayerReferences(Path sources, String rootPackage) {
        this.sources = sources;
        this.rootPackage = rootPackage;
    }

    /** A service's own main sources, seen from its module folder (where Maven runs its tests). */
    public static LayerReferences ofModule(String rootPackage) {
        return new LayerReferences(Path.of("src", "main", "java"), rootPackage);
    }

    private Path root() {
        return sources.resolve(rootPackage.replace('.', '/'));
    }

    /** The layers: the packages right under the root package, e.g. {@code api}, {@code domain}, sorted. */
    public List<String> layers() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root())) {
            return children.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files of {@code from} (with its sub-packages) that name a class of the layer {@code referencing}, as paths
     * relative to the root package folder, e.g. {@code messaging/outgoing/ConventionEvents.java}, sorted.
     */
    public List<String> filesOf(String from, String referencing) {
        return filesNaming(from, rootPackage + "." + referencing + ".");
    }

    /**
     * The files of {@code from} that name {@code qualified}: a package with its final dot
     * ({@code fr.artisanat.platform.problem.}) or a class ({@code fr.artisanat.platform.web.EntityTags}).
     */
    public List<String> filesNaming(String from, String qualified) {
        Path layer = root().resolve(from);
        if (!Files.isDirectory(layer)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(layer)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains(qualified))
                    .map(file -> root().relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
