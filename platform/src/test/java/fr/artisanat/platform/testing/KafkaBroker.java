package fr.artisanat.platform.testing;

import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the real Kafka broker that {@code ./suite test} runs for the tests, through the same script.
 * Tests that use it fail (not skip) when run another way, since they would prove nothing.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static void stop() {
        suite("kafka-stop");
    }

    public static void start() {
        suite("kafka-start");
    }

    private static void suite(String command) {
        String ctl = System.getenv("SUITE_CTL");
        if (ctl == null) {
            throw new IllegalStateException("SUITE_CTL is not set: run the tests with ./suite test");
        }
        try {
            Process process = new ProcessBuilder(ctl, command).inheritIO().start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./suite " + command + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("./suite " + command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
