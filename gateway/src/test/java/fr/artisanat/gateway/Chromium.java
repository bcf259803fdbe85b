package fr.artisanat.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's headless Chromium and ChromeDriver ({@code ./suite test} installs the packages chromium and
 * chromium-driver), as the Swagger UI tests start them: never a browser that a test tool downloads.
 */
final class Chromium {

    private Chromium() {
    }

    /**
     * Headless, as root, in a new empty profile. Without the flags that stop its background networking, Chromium's
     * calls to Google's hosts are refused on a closed network, many at a time.
     */
    static List<String> flags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
    }

    /** A program of the packages on the PATH: {@code chromium} or {@code chromedriver}. */
    static String program(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(name + " is not installed: ./suite test installs Debian's packages (apt-get install chromium chromium-driver)");
    }
}
