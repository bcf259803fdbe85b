package fr.artisanat.platform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.artisanat.platform.testing.LayerReferences;

class LayerReferencesTest {

    @TempDir
    Path sources;

    private void write(String path, String text) throws IOException {
        Path file = sources.resolve("fr/artisanat/shop").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsImportsStaticImportsWildcardsAndQualifiedNamesButNotOtherPackages() throws IOException {
        write("messaging/outgoing/ByImport.java", "import fr.artisanat.shop.api.OrderView;\nclass ByImport {}");
        write("messaging/outgoing/ByStaticImport.java", "import static fr.artisanat.shop.api.Orders.of;\nclass ByStaticImport {}");
        write("messaging/ByWildcard.java", "import fr.artisanat.shop.api.*;\nclass ByWildcard {}");
        write("messaging/Qualified.java", "class Qualified { fr.artisanat.shop.api.OrderView view; }");
        write("messaging/Clean.java", "import fr.artisanat.shop.domain.Order;\nimport fr.artisanat.shop.apiary.Bee;\nclass Clean {}");
        write("repository/Other.java", "import fr.artisanat.shop.api.OrderView;\nclass Other {}");

        assertEquals(List.of("messaging/ByWildcard.java", "messaging/Qualified.java", "messaging/outgoing/ByImport.java",
                "messaging/outgoing/ByStaticImport.java"), new LayerReferences(sources, "fr.artisanat.shop").filesOf("messaging", "api"));
        assertEquals(List.of(), new LayerReferences(sources, "fr.artisanat.shop").filesOf("domain", "api"), "a layer without sources");
    }

    @Test
    void findsAClassOrAPackageOfAnotherModule() throws IOException {
        write("service/Orders.java", "import fr.artisanat.platform.problem.ApiException;\nclass Orders {}");
        write("service/Refunds.java", "import fr.artisanat.platform.web.EntityTags;\nclass Refunds {}");
        write("service/Clean.java", "import fr.artisanat.platform.web.RequestIds;\nclass Clean {}");
        LayerReferences references = new LayerReferences(sources, "fr.artisanat.shop");

        assertEquals(List.of("service/Orders.java"), references.filesNaming("service", "fr.artisanat.platform.problem."));
        assertEquals(List.of("service/Refunds.java"), references.filesNaming("service", "fr.artisanat.platform.web.EntityTags"));
    }

    @Test
    void theLayersAreThePackagesUnderTheRoot() throws IOException {
        write("api/OrderResource.java", "class OrderResource {}");
        write("messaging/outgoing/OrderEvents.java", "class OrderEvents {}");
        write("service/Orders.java", "class Orders {}");

        assertEquals(List.of("api", "messaging", "service"), new LayerReferences(sources, "fr.artisanat.shop").layers());
        assertEquals(List.of(), new LayerReferences(sources, "fr.artisanat.other").layers());
    }
}
